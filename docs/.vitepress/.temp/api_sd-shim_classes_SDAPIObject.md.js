import { ssrRenderAttrs } from "vue/server-renderer";
import { useSSRContext } from "vue";
import { _ as _export_sfc } from "./plugin-vue_export-helper.1tPrXgE0.js";
const __pageData = JSON.parse('{"title":"Abstract Class: SDAPIObject","description":"","frontmatter":{},"headers":[],"relativePath":"api/sd-shim/classes/SDAPIObject.md","filePath":"api/sd-shim/classes/SDAPIObject.md"}');
const _sfc_main = { name: "api/sd-shim/classes/SDAPIObject.md" };
function _sfc_ssrRender(_ctx, _push, _parent, _attrs, $props, $setup, $data, $options) {
  _push(`<div${ssrRenderAttrs(_attrs)}><h1 id="abstract-class-sdapiobject" tabindex="-1">Abstract Class: SDAPIObject <a class="header-anchor" href="#abstract-class-sdapiobject" aria-label="Permalink to &quot;Abstract Class: SDAPIObject&quot;">​</a></h1><p>The base of every Designer API class (<code>sd.api.sdapiobject.SDAPIObject</code>). Its methods are guarded where they are defined and named after the class they are called on.</p><h2 id="extended-by" tabindex="-1">Extended by <a class="header-anchor" href="#extended-by" aria-label="Permalink to &quot;Extended by&quot;">​</a></h2><ul><li><a href="./Context.html"><code>Context</code></a></li><li><a href="./SDApplication.html"><code>SDApplication</code></a></li><li><a href="./SDPackageMgr.html"><code>SDPackageMgr</code></a></li><li><a href="./SDPackage.html"><code>SDPackage</code></a></li><li><a href="./SDResource.html"><code>SDResource</code></a></li><li><a href="./SDNode.html"><code>SDNode</code></a></li><li><a href="./SDDefinition.html"><code>SDDefinition</code></a></li><li><a href="./SDProperty.html"><code>SDProperty</code></a></li><li><a href="./SDConnection.html"><code>SDConnection</code></a></li><li><a href="./SDGraphObject.html"><code>SDGraphObject</code></a></li><li><a href="./SDValue.html"><code>SDValue</code></a></li><li><a href="./SDTexture.html"><code>SDTexture</code></a></li><li><a href="./SDUsage.html"><code>SDUsage</code></a></li><li><a href="./SDType.html"><code>SDType</code></a></li><li><a href="./SDArray.html"><code>SDArray</code></a></li><li><a href="./SDMetadataDict.html"><code>SDMetadataDict</code></a></li><li><a href="./QtForPythonUIMgrWrapper.html"><code>QtForPythonUIMgrWrapper</code></a></li><li><a href="./SDUIMgr.html"><code>SDUIMgr</code></a></li></ul><h2 id="methods" tabindex="-1">Methods <a class="header-anchor" href="#methods" aria-label="Permalink to &quot;Methods&quot;">​</a></h2><p><a id="getclassname"></a></p><h3 id="getclassname" tabindex="-1">getClassName() <a class="header-anchor" href="#getclassname" aria-label="Permalink to &quot;getClassName()&quot;">​</a></h3><div class="language-ts vp-adaptive-theme"><button title="Copy Code" class="copy"></button><span class="lang">ts</span><pre class="shiki shiki-themes github-light github-dark vp-code" tabindex="0"><code><span class="line"><span style="--shiki-light:#6F42C1;--shiki-dark:#B392F0;">getClassName</span><span style="--shiki-light:#24292E;--shiki-dark:#E1E4E8;">(): string;</span></span></code></pre></div><p>The Designer class name of this object: <code>SDSBSCompGraph</code>, <code>SDNode</code>, <code>SDValueFloat</code>…</p><h4 id="returns" tabindex="-1">Returns <a class="header-anchor" href="#returns" aria-label="Permalink to &quot;Returns&quot;">​</a></h4><p><code>string</code></p></div>`);
}
const _sfc_setup = _sfc_main.setup;
_sfc_main.setup = (props, ctx) => {
  const ssrContext = useSSRContext();
  (ssrContext.modules || (ssrContext.modules = /* @__PURE__ */ new Set())).add("api/sd-shim/classes/SDAPIObject.md");
  return _sfc_setup ? _sfc_setup(props, ctx) : void 0;
};
const SDAPIObject = /* @__PURE__ */ _export_sfc(_sfc_main, [["ssrRender", _sfc_ssrRender]]);
export {
  __pageData,
  SDAPIObject as default
};
