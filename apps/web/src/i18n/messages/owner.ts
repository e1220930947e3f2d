import { defineMessages } from '../define';

export const owner = defineMessages(
  {
    title: 'owner',
  },
  {
    title: 'owner',
  },
);
