export default definePageConfig({ navigationBarTitleText: '绑定教职工身份' });
