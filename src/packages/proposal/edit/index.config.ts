// Drafting is the common case; editing sets its own title (修改提案) when it opens with an id.
export default definePageConfig({ navigationBarTitleText: '起草提案' });
