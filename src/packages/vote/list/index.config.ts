export default definePageConfig({ navigationBarTitleText: '投票评议', enablePullDownRefresh: true });
