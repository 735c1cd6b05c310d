export default definePageConfig({ navigationBarTitleText: '组建球队' });
