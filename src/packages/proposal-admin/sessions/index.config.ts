export default definePageConfig({ navigationBarTitleText: '教代会与承办部门' });
