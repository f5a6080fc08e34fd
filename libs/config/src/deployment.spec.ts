/**
 * The deployment, checked without a cluster, Docker, Helm or kustomize (issue #13): deploy/k8s (kustomize: base,
 * nats, overlays/production; the NATS Helm values; the CloudNativePG example) and docker-compose.yml.
 *
 * - Every manifest is parsed (YAML 1.1, as Kubernetes reads it) and validated against the Kubernetes schemas
 *   (kubernetes-models' validators, and @kubernetes-models/cloudnative-pg's for the example), and type-checked
 *   against their TypeScript interfaces, which also refuses a field Kubernetes does not know (a misspelt
 *   `readinesProbe` passes a JSON schema and is silently dropped by an API server).
 * - The kustomizations are built by a small builder here (resources, configMapGenerator, images, namespace,
 *   `$patch: delete`); where kubectl is installed, `kubectl kustomize` builds them too and must agree.
 * - Then what docs/OPERATIONS.md promises: replicas, probes, resources, the security context, PDBs, HPAs, the
 *   migration Job, NATS as 3 JetStream nodes fsyncing every write, STREAM_REPLICAS=3, and every container's
 *   environment, built as the kubelet builds it, accepted by loadConfig (and refused with the placeholder secrets).
 */
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { parse, parseAllDocuments } from 'yaml';
import { loadConfig } from './service-config.js';

// Manifests are untyped data: every object below is read as JSON.
type K8s = any;

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const K8S = path.join(ROOT, 'deploy/k8s');
const SERVICES = ['gateway', 'intake', 'routing', 'approval', 'fees', 'delivery'] as const;
type Service = (typeof SERVICES)[number];
/** libs/config's defaults: each service answers /health on its own port. */
const PORTS: Record<Service, number> = { gateway: 3000, intake: 3001, routing: 3002, approval: 3003, fees: 3004, delivery: 3005 };
const NAMESPACED_EXCEPT = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding', 'StorageClass', 'PersistentVolume']);
/** Files in a kustomization's folder that are not its input, and why. */
const NOT_KUSTOMIZE_INPUT: Record<string, string> = {
  'nats/values.yaml': 'values of the official NATS Helm chart, not a manifest',
};

const label = (o: K8s) => `${o.kind}/${o.metadata?.name}`;
const rel = (file: string) => path.relative(ROOT, file);
const read = (file: string) => readFileSync(file, 'utf8');

/** Every document of a manifest file, as Kubernetes reads YAML (1.1: 0440 is octal, `yes` a boolean). */
function loadManifests(file: string): K8s[] {
  return parseAllDocuments(read(file), { version: '1.1' }).flatMap((doc, i) => {
    if (doc.errors.length) throw new Error(`${rel(file)} document ${i + 1}: ${doc.errors.map((e) => e.message).join('; ')}`);
    const o = doc.toJS();
    return o === null || o === undefined ? [] : [o];
  });
}

// ---------------------------------------------------------------------------------------------------------------
// A kustomize build, as far as these kustomizations use it
// ---------------------------------------------------------------------------------------------------------------

const KUSTOMIZATION_KEYS = new Set(['apiVersion', 'kind', 'resources', 'namespace', 'images', 'patches', 'configMapGenerator']);

interface Build {
  objects: K8s[];
  /** Files and folders the kustomization reads, absolute. */
  inputs: string[];
  /** Names of generated ConfigMaps (kustomize suffixes them with a hash). */
  generated: string[];
}

function build(dir: string): Build {
  const file = path.join(dir, 'kustomization.yaml');
  const k = parse(read(file), { version: '1.1' });
  const unknown = Object.keys(k).filter((key) => !KUSTOMIZATION_KEYS.has(key));
  if (unknown.length) throw new Error(`${rel(file)}: this test's builder does not know ${unknown.join(', ')}; teach it or use what it knows`);
  expect(k.apiVersion).toBe('kustomize.config.k8s.io/v1beta1');
  expect(k.kind).toBe('Kustomization');
  let objects: K8s[] = [];
  const inputs: string[] = [];
  const generated: string[] = [];
  for (const r of k.resources ?? []) {
    const p = path.resolve(dir, r);
    if (!existsSync(p)) throw new Error(`${rel(file)}: resource ${r} does not exist`);
    inputs.push(p);
    if (statSync(p).isDirectory()) {
      const sub = build(p);
      objects.push(...sub.objects);
      generated.push(...sub.generated);
    } else objects.push(...loadManifests(p));
  }
  for (const g of k.configMapGenerator ?? []) {
    const data: Record<string, string> = {};
    for (const f of g.files ?? []) {
      const p = path.resolve(dir, f);
      if (!existsSync(p)) throw new Error(`${rel(file)}: generator file ${f} does not exist`);
      inputs.push(p);
      data[path.basename(f)] = read(p);
    }
    generated.push(g.name);
    objects.push({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: g.name, ...(g.options?.labels ? { labels: g.options.labels } : {}) }, data });
  }
  for (const p of k.patches ?? []) {
    if (p.path) throw new Error(`${rel(file)}: patch files are not known to this test's builder`);
    const patch = parse(p.patch, { version: '1.1' });
    if (patch?.$patch !== 'delete') throw new Error(`${rel(file)}: only "$patch: delete" patches are known to this test's builder`);
    const before = objects.length;
    objects = objects.filter((o) => !(o.kind === patch.kind && o.metadata.name === patch.metadata.name));
    if (objects.length !== before - 1) throw new Error(`${rel(file)}: the patch deleting ${label(patch)} matches ${before - objects.length} objects`);
  }
  for (const img of k.images ?? []) {
    for (const c of objects.flatMap(containersOf)) {
      const [name] = c.image.split(':');
      if (name === img.name) c.image = `${img.newName ?? name}:${img.newTag ?? c.image.split(':')[1]}`;
    }
  }
  if (k.namespace) for (const o of objects) if (!NAMESPACED_EXCEPT.has(o.kind)) o.metadata.namespace = k.namespace;
  return { objects, inputs, generated };
}

const podSpecOf = (o: K8s): K8s | undefined => (['Deployment', 'StatefulSet', 'Job'].includes(o.kind) ? o.spec.template.spec : undefined);
const containersOf = (o: K8s): K8s[] => {
  const pod = podSpecOf(o);
  return pod ? [...(pod.initContainers ?? []), ...pod.containers] : [];
};

const kubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0;

function kubectlBuild(dir: string): K8s[] {
  const out = spawnSync('kubectl', ['kustomize', dir], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (out.status !== 0) throw new Error(`kubectl kustomize ${rel(dir)}: ${out.stderr}`);
  return parseAllDocuments(out.stdout).map((d) => d.toJS());
}

// ---------------------------------------------------------------------------------------------------------------
// Schemas: kubernetes-models' validators, and their TypeScript interfaces for unknown fields
// ---------------------------------------------------------------------------------------------------------------

const requireModel = createRequire(import.meta.url);

function modelModule(o: K8s): string {
  if (typeof o?.apiVersion !== 'string' || typeof o?.kind !== 'string') throw new Error(`an object without apiVersion and kind: ${JSON.stringify(o).slice(0, 120)}`);
  const pkg = o.apiVersion.startsWith('postgresql.cnpg.io/') ? '@kubernetes-models/cloudnative-pg' : 'kubernetes-models';
  return `${pkg}/${o.apiVersion}/${o.kind}`;
}

/** The JSON schema's verdict (types, required fields, enums, formats), one line per problem. */
function schemaProblems(o: K8s): string[] {
  let Model: (new (data: unknown) => { validate(): void }) | undefined;
  try {
    Model = requireModel(modelModule(o))[o.kind];
  } catch {
    Model = undefined;
  }
  if (!Model) return [`${label(o)}: no schema for ${o.apiVersion} ${o.kind}`];
  try {
    new Model(structuredClone(o)).validate();
    return [];
  } catch (e) {
    const errors: { instancePath: string; message: string }[] = (e as { errors?: [] }).errors ?? [];
    return errors.length ? errors.map((x) => `${label(o)}: ${x.instancePath || '/'} ${x.message}`) : [`${label(o)}: ${(e as Error).message}`];
  }
}

/**
 * The TypeScript compiler's verdict on `const x: IDeployment = {…}` for every object: an excess property anywhere
 * (a field Kubernetes does not have) or a value of the wrong type is an error, named with the object.
 */
function typeProblems(objects: { where: string; o: K8s }[]): string[] {
  const file = path.join(ROOT, '__deployment-manifests__.ts');
  const lines = objects.map(({ o }, i) => `import type { I${o.kind} as T${i} } from '${modelModule(o)}';`);
  const first = lines.length;
  lines.push(...objects.map(({ o }, i) => `export const o${i}: T${i} = ${JSON.stringify(o)};`));
  const text = lines.join('\n');
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
    lib: ['lib.es2022.d.ts'],
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, lang, ...rest) => (path.resolve(name) === file ? ts.createSourceFile(name, text, lang) : getSourceFile(name, lang, ...rest));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => path.resolve(name) === file || fileExists(name);
  const program = ts.createProgram([file], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line : -1;
    const at = line >= first ? objects[line - first] : line >= 0 ? objects[line] : undefined;
    return `${at ? `${at.where} ${label(at.o)}` : 'manifests'}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ').slice(0, 400)}`;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// What the pods are given: the kubelet's environment, and libs/config's variables
// ---------------------------------------------------------------------------------------------------------------

/** The variables libs/config reads (`env.X`, `env['X']`, `wholeNumber(env, 'X', …)`, `int('X', …)`, `<SERVICE>_PORT`). */
function configVariables(): Set<string> {
  const dir = path.join(ROOT, 'libs/config/src');
  const names = new Set<string>(['PORT', ...SERVICES.map((s) => `${s.toUpperCase()}_PORT`)]);
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'))) {
    const src = read(path.join(dir, f));
    for (const m of src.matchAll(/\benv(?:\.|\[')([A-Z][A-Z0-9_]*)/g)) names.add(m[1]);
    for (const m of src.matchAll(/'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)'/g)) names.add(m[1]);
  }
  return names;
}
/** Read by node itself, not by libs/config. */
const RUNTIME_VARIABLES = new Set(['NODE_OPTIONS']);

const refsIn = (s: unknown): string[] => (typeof s === 'string' ? [...s.replaceAll('$$', '').matchAll(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g)].map((m) => m[1]) : []);
const expand = (s: string, env: Record<string, string>) =>
  s.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (all, name?: string) => (name === undefined ? '$' : (env[name] ?? all)));

function findObject(objects: K8s[], kind: string, name: string): K8s | undefined {
  return objects.find((o) => o.kind === kind && o.metadata.name === name);
}
const dataOf = (o: K8s): Record<string, string> => ({ ...(o?.data ?? {}), ...(o?.stringData ?? {}) });

/**
 * The container's environment as the kubelet makes it: envFrom first, then env in order, `$(VAR)` expanded from what
 * is defined so far; Secret values from `secretValue`, mounted Secret files under `mounts` (mountPath → local dir).
 */
function containerEnv(objects: K8s[], pod: K8s, c: K8s, secretValue: (secret: string, key: string) => string | undefined, mounts: Map<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const from of c.envFrom ?? []) {
    if (from.configMapRef) Object.assign(env, dataOf(findObject(objects, 'ConfigMap', from.configMapRef.name)));
    if (from.secretRef) for (const key of Object.keys(dataOf(findObject(objects, 'Secret', from.secretRef.name)))) env[key] = secretValue(from.secretRef.name, key) ?? '';
  }
  for (const e of c.env ?? []) {
    let value: string | undefined;
    if (e.value !== undefined) value = expand(String(e.value), env);
    else if (e.valueFrom?.secretKeyRef) value = secretValue(e.valueFrom.secretKeyRef.name, e.valueFrom.secretKeyRef.key);
    else if (e.valueFrom?.configMapKeyRef) value = dataOf(findObject(objects, 'ConfigMap', e.valueFrom.configMapKeyRef.name))[e.valueFrom.configMapKeyRef.key];
    else if (e.valueFrom?.fieldRef) value = `${pod.metadata?.name ?? 'pod'}-0`;
    if (value === undefined) continue;
    for (const [mountPath, local] of mounts) if (value.startsWith(`${mountPath}/`)) value = path.join(local, value.slice(mountPath.length + 1));
    env[e.name] = value;
  }
  return env;
}

/** Writes the Secret volumes a container mounts into a temporary folder each: mountPath → folder. */
function mountSecrets(objects: K8s[], pod: K8s, c: K8s, secretValue: (secret: string, key: string) => string | undefined): Map<string, string> {
  const mounts = new Map<string, string>();
  for (const m of c.volumeMounts ?? []) {
    const v = (pod.volumes ?? []).find((x: K8s) => x.name === m.name);
    if (!v?.secret) continue;
    const dir = mkdtempSync(path.join(tmpdir(), 'k8s-secret-'));
    for (const key of Object.keys(dataOf(findObject(objects, 'Secret', v.secret.secretName)))) writeFileSync(path.join(dir, key), secretValue(v.secret.secretName, key) ?? '');
    mounts.set(m.mountPath, dir);
  }
  return mounts;
}

/** The service a container runs: `node … dist/apps/<service>/src/main.js`. */
function serviceOf(c: K8s): Service | undefined {
  const m = (c.command ?? []).join(' ').match(/dist\/apps\/([a-z]+)\/src\/main\.js/);
  return m ? (m[1] as Service) : undefined;
}

/** Good values for every key of the base's Secrets: each service must start with them. */
function goodSecrets(): Record<string, Record<string, string>> {
  const b64 = () => randomBytes(32).toString('base64');
  const hex = () => randomBytes(24).toString('hex');
  return {
    'one-window': {
      DATABASE_URL: 'postgresql://onewindow:secret@onewindow-db-rw.one-window-db:5432/onewindow?sslmode=require',
      JWT_SECRET: randomBytes(48).toString('base64'),
      PAYMENT_CALLBACK_SECRET: hex(),
      PII_KEYS: `k20261201:${b64()},lookup:${b64()}`,
      INTERNAL_TOKEN: hex(),
      NOTIFY_SMS_KEY: '',
    },
    'one-window-nats': Object.fromEntries(['GATEWAY', 'INTAKE', 'ROUTING', 'APPROVAL', 'FEES', 'DELIVERY', 'OPERATOR'].map((u) => [`NATS_${u}_PASSWORD`, hex()])),
    'one-window-cert-key': { 'cert-signing-key.pem': generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString() },
  };
}

/** NATS users of an accounts.conf and the variable holding each one's password. */
function natsUsers(conf: string): Map<string, string> {
  return new Map([...conf.matchAll(/user:\s*(\w+)\s*,\s*password:\s*\$(\w+)/g)].map((m) => [m[1], m[2]]));
}

// ---------------------------------------------------------------------------------------------------------------

const base = build(path.join(K8S, 'base'));
const nats = build(path.join(K8S, 'nats'));
const production = build(path.join(K8S, 'overlays/production'));
const examples = readdirSync(path.join(K8S, 'examples'))
  .filter((f) => /\.ya?ml$/.test(f))
  .flatMap((f) => loadManifests(path.join(K8S, 'examples', f)).map((o) => ({ where: `examples/${f}`, o })));
const compose = parse(read(path.join(ROOT, 'docker-compose.yml')), { merge: true });

const deployments = base.objects.filter((o) => o.kind === 'Deployment');
const workloads = [...base.objects, ...nats.objects].filter((o) => podSpecOf(o));
const configMap = findObject(base.objects, 'ConfigMap', 'one-window');
const sts = findObject(nats.objects, 'StatefulSet', 'nats');

describe('deploy/k8s: every manifest is a valid Kubernetes object', () => {
  const all = [
    ...base.objects.map((o) => ({ where: 'base', o })),
    ...nats.objects.map((o) => ({ where: 'nats', o })),
    ...production.objects.filter((o) => o.kind === 'Namespace').map((o) => ({ where: 'overlays/production', o })),
    ...examples,
  ];

  it('validates against the Kubernetes (and CloudNativePG) schemas', () => {
    expect(all.length).toBeGreaterThan(30);
    expect(all.flatMap(({ o }) => schemaProblems(o))).toEqual([]);
  });

  // a TypeScript program over kubernetes-models' declarations: a few seconds
  it('has no field Kubernetes does not know and no value of the wrong type (TypeScript interfaces)', () => {
    expect(typeProblems(all)).toEqual([]);
  }, 120_000);

  it('has no two objects of one kind and name', () => {
    const names = production.objects.map(label);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });
});

describe('deploy/k8s: the kustomizations', () => {
  const dirs: string[] = [];
  const walk = (dir: string): void => {
    if (existsSync(path.join(dir, 'kustomization.yaml'))) dirs.push(dir);
    for (const f of readdirSync(dir)) if (statSync(path.join(dir, f)).isDirectory()) walk(path.join(dir, f));
  };
  walk(K8S);

  it('are base, nats and overlays/production, and the old single manifest is gone', () => {
    expect(dirs.map((d) => path.relative(K8S, d)).sort()).toEqual(['base', 'nats', 'overlays/production']);
    expect(existsSync(path.join(K8S, 'one-window.yaml'))).toBe(false);
  });

  it('each lists every file in its folder, and every YAML file under deploy/k8s is in one or an example', () => {
    const used = new Set([...base.inputs, ...nats.inputs, ...production.inputs].map((p) => path.resolve(p)));
    const unlisted: string[] = [];
    for (const dir of dirs) {
      for (const f of readdirSync(dir)) {
        const p = path.join(dir, f);
        if (f === 'kustomization.yaml' || statSync(p).isDirectory() || NOT_KUSTOMIZE_INPUT[path.relative(K8S, p)]) continue;
        if (!used.has(p)) unlisted.push(path.relative(K8S, p));
      }
    }
    expect(unlisted).toEqual([]);
    const stray: string[] = [];
    const walkYaml = (dir: string): void => {
      for (const f of readdirSync(dir)) {
        const p = path.join(dir, f);
        if (statSync(p).isDirectory()) walkYaml(p);
        else if (/\.ya?ml$/.test(f) && f !== 'kustomization.yaml' && !used.has(p) && !NOT_KUSTOMIZE_INPUT[path.relative(K8S, p)] && !path.relative(K8S, p).startsWith('examples/')) stray.push(path.relative(K8S, p));
      }
    };
    walkYaml(K8S);
    expect(stray).toEqual([]);
  });

  it('production: a namespace under Pod Security "restricted", base and nats in it, your image, the placeholder Secrets left out', () => {
    const ns = findObject(production.objects, 'Namespace', 'one-window');
    expect(ns.metadata.labels['pod-security.kubernetes.io/enforce']).toBe('restricted');
    expect(production.objects.filter((o) => o.kind !== 'Namespace').every((o) => o.metadata.namespace === 'one-window')).toBe(true);
    expect(production.objects.filter((o) => o.kind === 'Secret')).toEqual([]);
    const expected = [...base.objects, ...nats.objects].filter((o) => o.kind !== 'Secret').map(label);
    expect(production.objects.filter((o) => o.kind !== 'Namespace').map(label).sort()).toEqual(expected.sort());
    const images = new Set(production.objects.flatMap(containersOf).map((c) => c.image));
    expect([...images].filter((i) => i.startsWith('one-window:'))).toEqual([]);
  });

  (kubectl ? it : it.skip)('kubectl kustomize (installed here) builds each to the same objects as this test', () => {
    for (const [dir, mine] of [
      ['base', base],
      ['nats', nats],
      ['overlays/production', production],
    ] as const) {
      const theirs = kubectlBuild(path.join(K8S, dir));
      // generated ConfigMaps get a hash suffix in their name and every reference to it
      let json = JSON.stringify(theirs);
      for (const g of mine.generated) json = json.replace(new RegExp(`"${g}-[a-z0-9]{10}"`, 'g'), `"${g}"`);
      const normalised = JSON.parse(json) as K8s[];
      const byName = (list: K8s[]) => Object.fromEntries(list.map((o) => [label(o), o]));
      expect(byName(normalised)).toEqual(byName(mine.objects));
      expect(normalised.flatMap(schemaProblems)).toEqual([]);
    }
  }, 120_000);
});

describe('deploy/k8s: the six services', () => {
  it('are six Deployments of at least 2 replicas, each with a Service and a PodDisruptionBudget', () => {
    expect(deployments.map((d) => d.metadata.name).sort()).toEqual([...SERVICES].sort());
    for (const d of deployments) {
      const name = d.metadata.name;
      expect({ name, replicas: d.spec.replicas >= 2 }).toEqual({ name, replicas: true });
      expect(d.spec.strategy.rollingUpdate.maxUnavailable).toBe(0);
      const svc = findObject(base.objects, 'Service', name);
      expect(svc.spec.selector).toEqual(d.spec.selector.matchLabels);
    }
  });

  it('every workload (Deployments, the NATS StatefulSet) has a PodDisruptionBudget selecting its pods', () => {
    const pdbs = [...base.objects, ...nats.objects].filter((o) => o.kind === 'PodDisruptionBudget');
    for (const w of workloads.filter((o) => o.kind !== 'Job')) {
      const labels = w.spec.template.metadata.labels;
      const covering = pdbs.filter((p) => Object.entries(p.spec.selector.matchLabels).every(([k, v]) => labels[k] === v));
      expect({ workload: label(w), pdbs: covering.length }).toEqual({ workload: label(w), pdbs: 1 });
      expect(covering[0].spec.maxUnavailable ?? 0).toBeLessThan(w.spec.replicas);
    }
  });

  it('have a readiness probe on /health/ready and a liveness probe on /health/live, on the service port', () => {
    for (const d of deployments) {
      const service = d.metadata.name as Service;
      const c = d.spec.template.spec.containers.find((x: K8s) => x.name === service);
      expect(c).toBeDefined();
      const port = c.ports.find((p: K8s) => p.name === 'http');
      expect({ service, port: port?.containerPort }).toEqual({ service, port: PORTS[service] });
      expect({ service, ready: c.readinessProbe?.httpGet }).toEqual({ service, ready: { path: '/health/ready', port: 'http' } });
      expect({ service, live: c.livenessProbe?.httpGet }).toEqual({ service, live: { path: '/health/live', port: 'http' } });
      expect(serviceOf(c)).toBe(service);
    }
  });

  it('every container of every pod has requests and limits, and runs as a non-root user on a read-only root with no privileges', () => {
    const problems: string[] = [];
    for (const w of workloads) {
      const pod = podSpecOf(w);
      if (pod.enableServiceLinks !== false) problems.push(`${label(w)}: enableServiceLinks must be false (a Service "gateway" would set GATEWAY_PORT=tcp://…)`);
      if (pod.automountServiceAccountToken !== false) problems.push(`${label(w)}: automountServiceAccountToken must be false`);
      if (!(pod.securityContext?.runAsUser > 0)) problems.push(`${label(w)}: runAsUser must be a non-root uid (the kubelet cannot check a named user)`);
      for (const c of containersOf(w)) {
        const at = `${label(w)} ${c.name}`;
        const sc = { ...pod.securityContext, ...c.securityContext };
        if (sc.runAsNonRoot !== true) problems.push(`${at}: runAsNonRoot`);
        if (c.securityContext?.readOnlyRootFilesystem !== true) problems.push(`${at}: readOnlyRootFilesystem`);
        if (c.securityContext?.allowPrivilegeEscalation !== false) problems.push(`${at}: allowPrivilegeEscalation false`);
        if (c.securityContext?.privileged === true) problems.push(`${at}: privileged`);
        if (!c.securityContext?.capabilities?.drop?.includes('ALL') || c.securityContext?.capabilities?.add?.length) problems.push(`${at}: capabilities drop [ALL], add none`);
        if (sc.seccompProfile?.type !== 'RuntimeDefault') problems.push(`${at}: seccompProfile RuntimeDefault`);
        for (const k of ['requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory']) {
          const [a, b] = k.split('.');
          if (c.resources?.[a]?.[b] === undefined) problems.push(`${at}: resources.${k}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('the services and the migrations get an emptyDir at /tmp (the root filesystem is read-only)', () => {
    for (const w of workloads.filter((o) => o.kind !== 'StatefulSet')) {
      const pod = podSpecOf(w);
      const tmp = pod.volumes.find((v: K8s) => v.name === 'tmp');
      expect({ w: label(w), emptyDir: !!tmp?.emptyDir }).toEqual({ w: label(w), emptyDir: true });
      for (const c of containersOf(w).filter(serviceOf)) {
        expect({ c: `${label(w)} ${c.name}`, tmp: c.volumeMounts?.some((m: K8s) => m.name === 'tmp' && m.mountPath === '/tmp') }).toEqual({ c: `${label(w)} ${c.name}`, tmp: true });
      }
    }
  });

  it('gateway and approval scale on CPU (autoscaling/v2), from their Deployment\'s replicas up', () => {
    const hpas = base.objects.filter((o) => o.kind === 'HorizontalPodAutoscaler');
    expect(hpas.map((h) => h.spec.scaleTargetRef.name).sort()).toEqual(['approval', 'gateway']);
    for (const h of hpas) {
      expect(h.apiVersion).toBe('autoscaling/v2');
      const d = findObject(base.objects, h.spec.scaleTargetRef.kind, h.spec.scaleTargetRef.name);
      expect(d?.kind).toBe('Deployment');
      expect(h.spec.metrics).toContainEqual(expect.objectContaining({ type: 'Resource', resource: expect.objectContaining({ name: 'cpu' }) }));
      expect(h.spec.minReplicas).toBeGreaterThanOrEqual(2);
      expect(d.spec.replicas).toBe(h.spec.minReplicas);
      expect(h.spec.maxReplicas).toBeGreaterThan(h.spec.minReplicas);
      const c = d.spec.template.spec.containers[0];
      expect(c.resources.requests.cpu).toBeDefined();
    }
  });

  it('a pod never serves before its schema is migrated: a "migrate" init container, MIGRATE_ONLY, as the serving container otherwise', () => {
    for (const d of deployments) {
      const pod = d.spec.template.spec;
      const [init] = pod.initContainers;
      const main = pod.containers[0];
      expect(init.name).toBe('migrate');
      expect(init.image).toBe(main.image);
      expect(init.command).toEqual(main.command);
      expect(init.env.filter((e: K8s) => e.name === 'MIGRATE_ONLY' || e.name === 'MIGRATIONS_RUN').map((e: K8s) => [e.name, e.value])).toEqual([
        ['MIGRATE_ONLY', 'true'],
        ['MIGRATIONS_RUN', 'true'],
      ]);
      expect(init.env.filter((e: K8s) => !['MIGRATE_ONLY', 'MIGRATIONS_RUN'].includes(e.name))).toEqual(main.env);
    }
    expect(configMap.data.MIGRATIONS_RUN).toBe('false');
  });

  it('the migration Job migrates all six schemas, once each, with the services\' image, and cleans up after itself', () => {
    const job = findObject(base.objects, 'Job', 'one-window-migrate');
    const pod = job.spec.template.spec;
    expect(pod.initContainers.map(serviceOf).sort()).toEqual([...SERVICES].sort());
    expect(new Set(containersOf(job).map((c) => c.image.split(':')[0]))).toEqual(new Set(['one-window']));
    expect(pod.restartPolicy).toBe('Never');
    expect(job.spec.backoffLimit).toBeGreaterThan(0);
    expect(job.spec.ttlSecondsAfterFinished).toBeGreaterThan(0);
    for (const c of pod.initContainers) {
      const d = findObject(base.objects, 'Deployment', serviceOf(c)!);
      const deploymentInit = d.spec.template.spec.initContainers[0];
      expect({ ...c, name: 'migrate' }).toEqual(deploymentInit);
    }
  });
});

describe('deploy/k8s: what the pods are given', () => {
  const variables = configVariables();
  const everyObject = [...base.objects, ...nats.objects];

  it('the ConfigMap sets STREAM_REPLICAS=3 (3-node NATS), NODE_ENV=production, and only variables something reads', () => {
    expect(configMap.data.STREAM_REPLICAS).toBe('3');
    expect(configMap.data.NODE_ENV).toBe('production');
    const composed = new Set(workloads.flatMap(containersOf).flatMap((c: K8s) => [...(c.env ?? []).flatMap((e: K8s) => refsIn(e.value)), ...(c.command ?? []).flatMap(refsIn), ...(c.args ?? []).flatMap(refsIn)]));
    expect(Object.keys(configMap.data).filter((k) => !variables.has(k) && !RUNTIME_VARIABLES.has(k) && !composed.has(k))).toEqual([]);
  });

  it('every ConfigMap, Secret and key a pod refers to exists (optional ones too), and every $(VAR) is defined before it is used', () => {
    const problems: string[] = [];
    for (const w of workloads) {
      const pod = podSpecOf(w);
      for (const v of pod.volumes ?? []) {
        if (v.secret && !findObject(everyObject, 'Secret', v.secret.secretName)) problems.push(`${label(w)}: volume ${v.name}: no Secret ${v.secret.secretName}`);
        if (v.configMap && !findObject(everyObject, 'ConfigMap', v.configMap.name)) problems.push(`${label(w)}: volume ${v.name}: no ConfigMap ${v.configMap.name}`);
      }
      for (const c of containersOf(w)) {
        const at = `${label(w)} ${c.name}`;
        const defined = new Set<string>();
        for (const from of c.envFrom ?? []) {
          const ref = from.configMapRef ?? from.secretRef;
          const o = findObject(everyObject, from.configMapRef ? 'ConfigMap' : 'Secret', ref.name);
          if (!o) problems.push(`${at}: envFrom ${ref.name} does not exist`);
          for (const k of Object.keys(dataOf(o))) defined.add(k);
        }
        for (const e of c.env ?? []) {
          for (const r of refsIn(e.value)) if (!defined.has(r)) problems.push(`${at}: ${e.name} uses $(${r}) before it is defined`);
          const ref = e.valueFrom?.secretKeyRef ?? e.valueFrom?.configMapKeyRef;
          if (ref) {
            const o = findObject(everyObject, e.valueFrom.secretKeyRef ? 'Secret' : 'ConfigMap', ref.name);
            if (!o) problems.push(`${at}: ${e.name}: no ${ref.name}`);
            else if (!(ref.key in dataOf(o))) problems.push(`${at}: ${e.name}: ${ref.name} has no key ${ref.key}`);
          }
          defined.add(e.name);
        }
        for (const r of [...(c.command ?? []), ...(c.args ?? [])].flatMap(refsIn)) if (!defined.has(r)) problems.push(`${at}: command uses undefined $(${r})`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('every variable a service container is given is one libs/config reads (or composes another), and every Secret key is used', () => {
    const problems: string[] = [];
    const usedKeys = new Set<string>();
    for (const w of workloads) {
      for (const c of containersOf(w)) {
        for (const from of c.envFrom ?? []) if (from.secretRef) for (const k of Object.keys(dataOf(findObject(everyObject, 'Secret', from.secretRef.name)))) usedKeys.add(`${from.secretRef.name}/${k}`);
        for (const e of c.env ?? []) if (e.valueFrom?.secretKeyRef) usedKeys.add(`${e.valueFrom.secretKeyRef.name}/${e.valueFrom.secretKeyRef.key}`);
        for (const v of podSpecOf(w).volumes ?? []) if (v.secret) for (const k of Object.keys(dataOf(findObject(everyObject, 'Secret', v.secret.secretName)))) usedKeys.add(`${v.secret.secretName}/${k}`);
        if (!serviceOf(c)) continue;
        const composing = new Set((c.env ?? []).flatMap((e: K8s) => refsIn(e.value)));
        for (const e of c.env ?? []) if (!variables.has(e.name) && !composing.has(e.name)) problems.push(`${label(w)} ${c.name}: ${e.name} is read by nothing`);
      }
    }
    for (const s of base.objects.filter((o) => o.kind === 'Secret')) for (const k of Object.keys(dataOf(s))) if (!usedKeys.has(`${s.metadata.name}/${k}`)) problems.push(`Secret ${s.metadata.name}: ${k} is given to no pod`);
    expect(problems).toEqual([]);
  });

  const serviceContainers = workloads.flatMap((w) => containersOf(w).filter(serviceOf).map((c) => ({ w, c, service: serviceOf(c)! })));

  it('each service container starts with its environment (loadConfig accepts it): its NATS user, 3 stream replicas, its port', () => {
    const good = goodSecrets();
    for (const s of base.objects.filter((o) => o.kind === 'Secret')) expect(Object.keys(good[s.metadata.name] ?? {}).sort()).toEqual(Object.keys(dataOf(s)).sort());
    const value = (secret: string, key: string) => good[secret]?.[key];
    expect(serviceContainers.length).toBe(6 * 2 + 6);
    for (const { w, c, service } of serviceContainers) {
      const pod = podSpecOf(w);
      const env = containerEnv(base.objects, w.spec.template, c, value, mountSecrets(base.objects, pod, c, value));
      const at = `${label(w)} ${c.name}`;
      let config;
      try {
        config = loadConfig(service, env);
      } catch (e) {
        throw new Error(`${at}: ${(e as Error).message}`);
      }
      const migrating = c.name.startsWith('migrate');
      expect({ at, nats: config.natsUrl.startsWith(`nats://${service}:${good['one-window-nats'][`NATS_${service.toUpperCase()}_PASSWORD`]}@nats:4222`) }).toEqual({ at, nats: true });
      expect({ at, streamReplicas: config.streamReplicas, migrateOnly: config.migrateOnly, migrationsRun: config.migrationsRun }).toEqual({
        at,
        streamReplicas: 3,
        migrateOnly: migrating,
        migrationsRun: migrating,
      });
      expect({ at, port: config.port, bind: config.bindHost }).toEqual({ at, port: PORTS[service], bind: '0.0.0.0' });
      expect(config.databaseUrl).toBe(good['one-window'].DATABASE_URL);
    }
  });

  it('and refuses to start with the placeholder Secrets: a forgotten one stops the pod', () => {
    const placeholders = Object.fromEntries(base.objects.filter((o) => o.kind === 'Secret').map((s) => [s.metadata.name, dataOf(s)]));
    const value = (secret: string, key: string) => placeholders[secret]?.[key];
    for (const { w, c, service } of serviceContainers) {
      const env = containerEnv(base.objects, w.spec.template, c, value, mountSecrets(base.objects, podSpecOf(w), c, value));
      expect(() => loadConfig(service, env)).toThrow(/bad configuration/);
    }
  });

  it('every service connects as its own NATS user of deploy/nats/accounts.conf, with that user\'s password', () => {
    const users = natsUsers(read(path.join(ROOT, 'deploy/nats/accounts.conf')));
    for (const { c, service } of serviceContainers) {
      const url = c.env.find((e: K8s) => e.name === 'NATS_URL').value as string;
      const user = url.match(/^nats:\/\/([^:]+):/)?.[1];
      expect(user).toBe(service);
      const password = c.env.find((e: K8s) => e.name === 'NATS_PASSWORD').valueFrom.secretKeyRef;
      expect({ service, password: `${password.name}/${password.key}` }).toEqual({ service, password: `one-window-nats/${users.get(service)}` });
    }
  });
});

describe('deploy/k8s: NATS, 3 JetStream servers', () => {
  const accounts = read(path.join(ROOT, 'deploy/nats/accounts.conf'));
  const conf = read(path.join(K8S, 'nats/nats.conf'));
  const values = parse(read(path.join(K8S, 'nats/values.yaml')));

  it('StatefulSet of 3 with a volume each, one per node, the routes naming all three', () => {
    expect(sts.spec.replicas).toBe(3);
    expect(sts.spec.podManagementPolicy).toBe('Parallel');
    expect(sts.spec.volumeClaimTemplates[0].spec.resources.requests.storage).toBeDefined();
    expect(sts.spec.template.spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey).toBe('kubernetes.io/hostname');
    const routes = [...conf.matchAll(/nats:\/\/([\w.-]+):6222/g)].map((m) => m[1]);
    expect(routes).toEqual([0, 1, 2].map((i) => `nats-${i}.${sts.spec.serviceName}`));
    expect(findObject(nats.objects, 'Service', sts.spec.serviceName).spec.clusterIP).toBe('None');
    const client = findObject(nats.objects, 'Service', 'nats');
    expect(`${client.metadata.name}:${client.spec.ports.find((p: K8s) => p.name === 'nats').port}`).toBe(configMap.data.NATS_ADDRESS);
  });

  it('fsyncs every write before acknowledging it (sync_interval: always), in the StatefulSet, the Helm values and compose', () => {
    expect(conf).toMatch(/^\s*sync_interval:\s*always\s*$/m);
    expect(values.config.jetstream.merge.sync_interval).toBe('always');
    expect(compose.configs['nats-conf'].content).toMatch(/^\s*sync_interval:\s*always\s*$/m);
  });

  it('carries deploy/nats/accounts.conf verbatim, with every password from the one-window-nats Secret', () => {
    expect(read(path.join(K8S, 'nats/accounts.conf'))).toBe(accounts);
    expect(conf).toMatch(/^include \.\/accounts\.conf$/m);
    expect(values.configMap.merge.data['accounts.conf']).toBe(accounts);
    const passwords = [...natsUsers(accounts).values()].sort();
    const secret = dataOf(findObject(base.objects, 'Secret', 'one-window-nats'));
    expect(Object.keys(secret).sort()).toEqual(passwords);
    expect(sts.spec.template.spec.containers[0].envFrom).toEqual([{ secretRef: { name: 'one-window-nats' } }]);
    expect(Object.entries(values.container.env).filter(([k]) => k.endsWith('_PASSWORD')).sort()).toEqual(
      passwords.map((p) => [p, { valueFrom: { secretKeyRef: { name: 'one-window-nats', key: p } } }]),
    );
  });

  it('the Helm values make the same cluster: 3 replicas, JetStream on file volumes, the same pinned server', () => {
    expect(values.config.cluster).toMatchObject({ enabled: true, replicas: 3 });
    expect(values.config.jetstream).toMatchObject({ enabled: true, fileStore: { enabled: true, pvc: { enabled: true } } });
    expect(Object.entries(values.config.merge)).toContainEqual([expect.stringMatching(/\$include$/), 'accounts.conf']);
    const image = sts.spec.template.spec.containers[0].image;
    expect(`${values.container.image.repository}:${values.container.image.tag}`).toBe(image);
    expect(compose.services.nats.image).toBe(image);
    expect(image).toMatch(/^nats:\d+\.\d+\.\d+-alpine$/);
  });

  const natsServer = spawnSync('nats-server', ['--version'], { encoding: 'utf8' });
  (natsServer.status === 0 ? it : it.skip)('nats-server (installed here) accepts nats.conf with accounts.conf', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nats-conf-'));
    const [major, minor] = (natsServer.stdout.match(/v(\d+)\.(\d+)/) ?? []).slice(1).map(Number);
    // sync_interval came with NATS 2.10; an older local server checks the rest
    const text = major > 2 || (major === 2 && minor >= 10) ? conf : conf.replace(/^\s*sync_interval:.*$/m, '');
    writeFileSync(path.join(dir, 'nats.conf'), text);
    writeFileSync(path.join(dir, 'accounts.conf'), accounts);
    const env = { ...process.env, SERVER_NAME: 'nats-0', ...Object.fromEntries([...natsUsers(accounts).values()].map((v) => [v, 'x'])) };
    const out = spawnSync('nats-server', ['-t', '-c', path.join(dir, 'nats.conf')], { encoding: 'utf8', env });
    expect(`${out.status} ${out.stderr}${out.stdout}`.trim()).toMatch(/^0 .*valid/);
  });
});

describe('deploy/k8s/examples: PostgreSQL with CloudNativePG', () => {
  it('a replicated cluster with synchronous commits, continuous backups and a nightly base backup, of the database DATABASE_URL names', () => {
    const cluster = examples.find(({ o }) => o.kind === 'Cluster')?.o;
    expect(cluster.spec.instances).toBeGreaterThanOrEqual(3);
    expect(cluster.spec.postgresql.synchronous.number).toBeGreaterThanOrEqual(1);
    expect(cluster.spec.backup.barmanObjectStore.wal).toBeDefined();
    const scheduled = examples.find(({ o }) => o.kind === 'ScheduledBackup')?.o;
    expect(scheduled.spec.cluster.name).toBe(cluster.metadata.name);
    const url = new URL(dataOf(findObject(base.objects, 'Secret', 'one-window')).DATABASE_URL);
    expect(url.pathname).toBe(`/${cluster.spec.bootstrap.initdb.database}`);
    expect(url.hostname).toBe(`${cluster.metadata.name}-rw.${cluster.metadata.namespace}`);
    expect(examples.find(({ o }) => o.kind === 'Namespace')?.o.metadata.name).toBe(cluster.metadata.namespace);
  });
});

describe('docker-compose.yml', () => {
  const services: Record<string, K8s> = compose.services;
  const oneShot = (s: K8s) => s.restart === 'no';
  const appService = (name: string) => (SERVICES as readonly string[]).includes(name);

  it('every long-running service has a health check; each of the six asks its own /health/ready', () => {
    for (const [name, s] of Object.entries(services).filter(([, s]) => !oneShot(s))) {
      expect({ name, healthcheck: Array.isArray(s.healthcheck?.test) && s.healthcheck.test.length > 1 }).toEqual({ name, healthcheck: true });
      if (appService(name)) {
        expect({ name, test: s.healthcheck.test.join(' ') }).toEqual({ name, test: expect.stringContaining(`http://127.0.0.1:${PORTS[name as Service]}/health/ready`) });
        expect(s.environment.SERVICE).toBe(name);
      }
    }
    expect(Object.keys(services).filter(appService).sort()).toEqual([...SERVICES].sort());
  });

  it('every dependency waits for a condition: PostgreSQL and NATS healthy, the migrations completed, the gateway after the back ends', () => {
    for (const [name, s] of Object.entries(services)) {
      for (const [dep, cond] of Object.entries(s.depends_on ?? {}) as [string, K8s][]) {
        expect({ name, dep, exists: dep in services }).toEqual({ name, dep, exists: true });
        const expected = oneShot(services[dep]) ? 'service_completed_successfully' : 'service_healthy';
        expect({ name, dep, condition: cond?.condition }).toEqual({ name, dep, condition: expected });
      }
      if (appService(name)) expect(Object.keys(s.depends_on).sort()).toEqual(expect.arrayContaining(['migrate', 'nats', 'postgres']));
    }
    expect(Object.keys(services.gateway.depends_on)).toEqual(expect.arrayContaining(SERVICES.filter((s) => s !== 'gateway')));
    expect(Object.keys(services.migrate.depends_on).sort()).toEqual(['nats', 'postgres']);
  });

  it('the migrate service is one-shot and runs every service with MIGRATE_ONLY, which the services then leave alone', () => {
    const m = services.migrate;
    expect(m.restart).toBe('no');
    expect(m.environment).toMatchObject({ MIGRATE_ONLY: 'true', MIGRATIONS_RUN: 'true', SEED_DEMO: 'false' });
    const script = m.command.join(' ');
    for (const s of SERVICES) expect(script).toContain(s);
    expect(script).toContain('dist/apps/$$s/src/main.js');
    for (const s of SERVICES) expect(services[s].environment.MIGRATIONS_RUN).toBe('false');
  });

  it('images are pinned to exact versions (no :latest, no bare major)', () => {
    const images = Object.values(services).map((s) => s.image as string);
    for (const image of images.filter((i) => !i.startsWith('one-window:'))) expect(image).toMatch(/^[\w./-]+:\d+\.\d+(\.\d+)?(-[a-z0-9]+)?$/);
    expect(services.postgres.image).toMatch(/^postgres:16\.\d+/);
  });
});

describe('links from the README and docs into deploy/', () => {
  it('all point at something that exists', () => {
    const missing: string[] = [];
    for (const doc of ['README.md', ...readdirSync(path.join(ROOT, 'docs')).map((f) => `docs/${f}`)].filter((f) => f.endsWith('.md'))) {
      const dir = path.dirname(path.join(ROOT, doc));
      for (const m of read(path.join(ROOT, doc)).matchAll(/\]\(((?:\.\.\/)*(?:deploy|docs)\/[^)#\s]*)/g)) {
        if (!existsSync(path.resolve(dir, m[1]))) missing.push(`${doc}: ${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
