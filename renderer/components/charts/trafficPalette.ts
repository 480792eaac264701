/** Send and receive in every traffic chart: the same two colours, readable on both themes. */
export const SEND_COLOR = '#e8590c';
export const RECEIVE_COLOR = '#1c7ed6';
