// The default theme, plus the live demo component and the site's few styles.
import DefaultTheme from 'vitepress/theme';
import type { Theme } from 'vitepress';
import TimerDemo from './TimerDemo.vue';
import './style.css';

export default {
  extends: DefaultTheme,
  enhanceApp({ app }) {
    app.component('TimerDemo', TimerDemo);
  },
} satisfies Theme;
