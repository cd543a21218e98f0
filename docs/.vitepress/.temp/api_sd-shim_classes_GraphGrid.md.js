import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Class: GraphGrid","description":"","frontmatter":{},"headers":[],"relativePath":"api/sd-shim/classes/GraphGrid.md","filePath":"api/sd-shim/classes/GraphGrid.md"}');
const _sfc_main = { name: "api/sd-shim/classes/GraphGrid.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="class-graphgrid" tabindex="-1">Class: GraphGrid <a class="header-anchor" href="#class-graphgrid" aria-label="Permalink to &quot;Class: GraphGrid&quot;">​</a></h1><p>The graph view&#39;s grid (<code>sd.ui.graphgrid.GraphGrid</code>): Adobe&#39;s samples place nodes at multiples of <code>GraphGrid.sGetFirstLevelSize()</code>. The mock&#39;s step is 64 (its own choice).</p><h2 id="methods" tabindex="-1">Methods <a class="header-anchor" href="#methods" aria-label="Permalink to &quot;Methods&quot;">​</a></h2><p><a id="sgetfirstlevelsize"></a></p><h3 id="sgetfirstlevelsize" tabindex="-1">sGetFirstLevelSize() <a class="header-anchor" href="#sgetfirstlevelsize" aria-label="Permalink to &quot;sGetFirstLevelSize()&quot;">​</a></h3><div class="language-ts vp-adaptive-theme"><button title="Copy Code" class="copy"></button><span class="lang">ts</span><pre class="shiki shiki-themes github-light github-dark vp-code" tabindex="0"><code><span class="line"><span style="--shiki-light:#24292E;--shiki-dark:#E1E4E8;">static </span><span style="--shiki-light:#6F42C1;--shiki-dark:#B392F0;">sGetFirstLevelSize</span><span style="--shiki-light:#24292E;--shiki-dark:#E1E4E8;">(): number;</span></span></code></pre></div><p>The size of the grid&#39;s first level, in graph units.</p><h4 id="returns" tabindex="-1">Returns <a class="header-anchor" href="#returns" aria-label="Permalink to &quot;Returns&quot;">​</a></h4><p><code>number</code></p></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/sd-shim/classes/GraphGrid.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const GraphGrid = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  GraphGrid as default
};
