export default definePageConfig({ navigationBarTitleText: '工作计划', enablePullDownRefresh: true });
