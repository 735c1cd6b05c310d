export default definePageConfig({ navigationBarTitleText: '承办部门' });
