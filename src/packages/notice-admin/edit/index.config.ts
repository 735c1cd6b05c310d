// Writing a new notice is the common case; editing sets its own title (编辑通知) when it opens with an id.
export default definePageConfig({ navigationBarTitleText: '发布通知' });
