export default definePageConfig({ navigationBarTitleText: '投票情况' });
