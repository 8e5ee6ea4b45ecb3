// monaco-yaml's language worker, re-exported from our own file: the Vite workaround from
// monaco-yaml's README ("Why doesn't it work with Vite?").
import 'monaco-yaml/yaml.worker.js';
