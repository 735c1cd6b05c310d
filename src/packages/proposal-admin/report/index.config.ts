export default definePageConfig({ navigationBarTitleText: '提案办理情况报告' });
