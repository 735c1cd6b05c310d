import { Input } from '@nutui/nutui-react-taro';
import { newSubject, type SubjectForm } from '../lib/vote-draft-form';
import { ListEditor } from './ListEditor';

export interface SubjectsEditorProps {
  subjects: SubjectForm[];
  update: (change: (list: SubjectForm[]) => SubjectForm[]) => void;
}

/** 民主评议's people: a name and, if wished, their post (职务). */
export function SubjectsEditor({ subjects, update }: SubjectsEditorProps) {
  return (
    <ListEditor items={subjects} noun="评议对象" min={1} max={50} addText="+ 添加评议对象" update={update} create={newSubject}>
      {(subject, index, patch) => (
        <>
          <Input placeholder={`评议对象 ${index + 1} 姓名`} value={subject.name} maxLength={32} onChange={(name) => patch({ name })} />
          <Input placeholder={`评议对象 ${index + 1} 职务（选填）`} value={subject.title} maxLength={40} onChange={(title) => patch({ title })} />
        </>
      )}
    </ListEditor>
  );
}
