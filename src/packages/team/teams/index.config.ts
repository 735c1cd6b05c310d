export default definePageConfig({ navigationBarTitleText: '全部球队' });
