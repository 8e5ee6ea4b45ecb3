// Monaco + monaco-yaml, bundled locally (never a CDN) and loaded lazily by EditorPane.
// Worker setup follows monaco-yaml's README for Vite: workers are imported from our own files
// with ?worker, which re-export monaco-yaml/yaml.worker and monaco-editor's editor.worker.
import * as monaco from 'monaco-editor';
import { configureMonacoYaml } from 'monaco-yaml';
import schema from '../../manifests/schema/kubernetes.schema.json';
import YamlWorker from './yaml.worker.ts?worker';
import EditorWorker from './editor.worker.ts?worker';

declare global {
  interface Window {
    MonacoEnvironment?: monaco.Environment;
  }
}

window.MonacoEnvironment = {
  getWorker(_moduleId: string, label: string) {
    return label === 'yaml' ? new YamlWorker() : new EditorWorker();
  },
};

configureMonacoYaml(monaco, {
  enableSchemaRequest: false,
  isKubernetes: true,
  completion: true,
  hover: true,
  validate: true,
  schemas: [
    {
      uri: 'https://kubeplay.dev/schema/kubernetes.json',
      fileMatch: ['*'],
      schema: schema as object,
    },
  ],
});

export { monaco };
