import { defineMessages } from '../define';

export const admin = defineMessages(
  {
    title: 'admin',
  },
  {
    title: 'admin',
  },
);
