import { defineMessages } from '../define';

export const mentor = defineMessages(
  {
    title: 'mentor',
  },
  {
    title: 'mentor',
  },
);
