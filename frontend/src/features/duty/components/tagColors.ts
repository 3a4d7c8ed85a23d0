/** Tag colours dark enough for 4.5:1 contrast with the white text antd puts on a custom colour (its presets are not). */
export const TAG_COLOR = {
  gold: '#ad6800',
  green: '#237804',
  blue: '#0958d9',
  red: '#a8071a',
  orange: '#ad4e00',
} as const;
