// A worker's script (the helpers', the directory check's: both export the same `answer`),
// after its wasm-bindgen glue (a classic script: the glue, built with wasm-bindgen's
// no-modules target, defines `wasm_bindgen`). The first message is the compiled
// module (the page compiles it once, from the checked bytes); every later one is a question,
// answered synchronously. A trap throws here, which the page sees as the worker's `error`
// event and answers by terminating it.
/* global wasm_bindgen */
self.onmessage = (event) => {
  wasm_bindgen.initSync({ module: event.data });
  self.onmessage = (question) => {
    const answer = wasm_bindgen.answer(question.data);
    self.postMessage(answer, [answer.buffer]);
  };
};
