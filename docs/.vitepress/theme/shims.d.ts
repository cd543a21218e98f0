// For tsc (docs/snippets/tsconfig.json): a .vue file is a component. (Vite compiles the component itself.)
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent;
  export default component;
}
