/* graphkit's DOM helpers, shared by the static viewer (inlined into graph.html) and
 * the live one of `graphkit serve` (served as /assets/dom.js).
 *
 * Safety rule: text from articles or the store goes into the page only as text
 * nodes (el()/append()), never via innerHTML; links are made only for http(s) URLs.
 */
var GraphkitDOM = (function () {
  "use strict";

  /** Create an element; string children become text nodes (never HTML). */
  function el(tag, props) {
    var node = document.createElement(tag);
    if (props) {
      Object.keys(props).forEach(function (key) {
        if (key === "on") {
          Object.keys(props.on).forEach(function (evt) { node.addEventListener(evt, props.on[evt]); });
        } else if (key === "dataset") {
          Object.assign(node.dataset, props.dataset);
        } else if (key === "style") {
          Object.assign(node.style, props.style);
        } else {
          node[key] = props[key];
        }
      });
    }
    for (var i = 2; i < arguments.length; i++) append(node, arguments[i]);
    return node;
  }

  function append(parent, child) {
    if (child === null || child === undefined || child === false) return;
    if (Array.isArray(child)) { child.forEach(function (c) { append(parent, c); }); return; }
    parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  function isSafeUrl(url) { return typeof url === "string" && /^https?:\/\/[^\s]+$/i.test(url); }

  function plural(n, one, many) { return n.toLocaleString("en") + " " + (n === 1 ? one : many || one + "s"); }

  return { el: el, append: append, clear: clear, isSafeUrl: isSafeUrl, plural: plural };
})();
