import { Button } from '@tarojs/components';
import { phoneButton, phoneCode, type PhoneAnswer } from '../../gateway/cloud';

/**
 * WeChat's own "use my phone number" button: in WeChat the number comes with the button's
 * getPhoneNumber event (the person picks it in WeChat's sheet); in a browser a tap asks the local cloud.
 */
export function PhoneBindButton({ disabled, onAnswer }: { disabled: boolean; onAnswer: (answer: PhoneAnswer) => void }) {
  const answer = (detail?: unknown) => void phoneCode(detail).then(onAnswer);
  return phoneButton === 'wechat' ? (
    <Button className="bind__phone" type="primary" openType="getPhoneNumber" disabled={disabled} onGetPhoneNumber={(event) => answer(event.detail)}>
      微信手机号一键绑定
    </Button>
  ) : (
    <Button className="bind__phone" type="primary" disabled={disabled} onClick={() => answer()}>
      微信手机号一键绑定
    </Button>
  );
}
