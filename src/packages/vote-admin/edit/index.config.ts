// Creating is the common case; editing sets its own title (编辑投票) when it opens with an id.
export default definePageConfig({ navigationBarTitleText: '发起投票' });
