import { defineMessages } from '../define';

export const manager = defineMessages(
  {
    title: 'manager',
  },
  {
    title: 'manager',
  },
);
