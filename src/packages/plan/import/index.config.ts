export default definePageConfig({ navigationBarTitleText: '导入工作计划' });
