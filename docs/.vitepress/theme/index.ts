// The default theme, plus the live demos' components and the site's few styles.
import DefaultTheme from 'vitepress/theme';
import type { Theme } from 'vitepress';
import PoolDemo from './PoolDemo.vue';
import TimerDemo from './TimerDemo.vue';
import './style.css';
import './demo.css';

export default {
  extends: DefaultTheme,
  enhanceApp({ app }) {
    app.component('TimerDemo', TimerDemo);
    app.component('PoolDemo', PoolDemo);
  },
} satisfies Theme;
