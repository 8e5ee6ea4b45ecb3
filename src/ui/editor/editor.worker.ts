// Monaco's generic editor worker (diffing, links), bundled locally.
import 'monaco-editor/esm/vs/editor/editor.worker.js';
