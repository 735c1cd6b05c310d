export default definePageConfig({ navigationBarTitleText: '待审核内容', enablePullDownRefresh: true });
