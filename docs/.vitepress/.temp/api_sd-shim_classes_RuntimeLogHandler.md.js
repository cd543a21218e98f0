import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Class: RuntimeLogHandler","description":"","frontmatter":{},"headers":[],"relativePath":"api/sd-shim/classes/RuntimeLogHandler.md","filePath":"api/sd-shim/classes/RuntimeLogHandler.md"}');
const _sfc_main = { name: "api/sd-shim/classes/RuntimeLogHandler.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="class-runtimeloghandler" tabindex="-1">Class: RuntimeLogHandler <a class="header-anchor" href="#class-runtimeloghandler" aria-label="Permalink to &quot;Class: RuntimeLogHandler&quot;">​</a></h1><p>What <code>getContext().createRuntimeLogHandler()</code> returns: a handler that writes to Designer&#39;s console, for a plugin&#39;s logger (<code>logger.addHandler(handler)</code> in Python). The mock keeps the lines: <code>sdShim.consoleLines()</code>.</p><h2 id="methods" tabindex="-1">Methods <a class="header-anchor" href="#methods" aria-label="Permalink to &quot;Methods&quot;">​</a></h2><p><a id="emit"></a></p><h3 id="emit" tabindex="-1">emit() <a class="header-anchor" href="#emit" aria-label="Permalink to &quot;emit()&quot;">​</a></h3><div class="language-ts vp-adaptive-theme"><button title="Copy Code" class="copy"></button><span class="lang">ts</span><pre class="shiki shiki-themes github-light github-dark vp-code" tabindex="0"><code><span class="line"><span style="--shiki-light:#6F42C1;--shiki-dark:#B392F0;">emit</span><span style="--shiki-light:#24292E;--shiki-dark:#E1E4E8;">(record): </span><span style="--shiki-light:#D73A49;--shiki-dark:#F97583;">void</span><span style="--shiki-light:#24292E;--shiki-dark:#E1E4E8;">;</span></span></code></pre></div><p>Writes <code>record</code> to the console, as <code>LEVEL: message</code> (a plain string as it is).</p><h4 id="parameters" tabindex="-1">Parameters <a class="header-anchor" href="#parameters" aria-label="Permalink to &quot;Parameters&quot;">​</a></h4><table tabindex="0"><thead><tr><th>Parameter</th><th>Type</th></tr></thead><tbody><tr><td><code>record</code></td><td><a href="./../#logrecord"><code>LogRecord</code></a></td></tr></tbody></table><h4 id="returns" tabindex="-1">Returns <a class="header-anchor" href="#returns" aria-label="Permalink to &quot;Returns&quot;">​</a></h4><p><code>void</code></p></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/sd-shim/classes/RuntimeLogHandler.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const RuntimeLogHandler = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  RuntimeLogHandler as default
};
