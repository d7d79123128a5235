import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseAllDocuments } from "yaml";
import { secretVariables } from "../../src/config.ts";
import { containerfileInstructions, runTool, toolSkipReason } from "./tools.ts";

const skip = toolSkipReason("kubectl", ["version", "--client"], "put kubectl 1.27 or later, which carries kustomize v5, on PATH");

// biome-ignore lint/suspicious/noExplicitAny: rendered manifests are checked field by field
type Manifest = Record<string, any>;

function render(dir: string): Manifest[] {
	const out = runTool("kubectl", ["kustomize", dir]);
	return parseAllDocuments(out).map((doc) => doc.toJS() as Manifest);
}

function only(manifests: Manifest[], kind: string): Manifest {
	const found = manifests.filter((m) => m["kind"] === kind);
	assert.equal(found.length, 1, `one ${kind}`);
	return found[0]!;
}

const includes = (labels: Record<string, string>, selector: Record<string, string>) =>
	Object.keys(selector).length > 0 && Object.entries(selector).every(([key, value]) => labels[key] === value);

const imageUser = containerfileInstructions().findLast((i) => i.keyword === "USER")!.args.split(":")[0];

for (const dir of ["deploy/kubernetes/base", "deploy/kubernetes/overlays/production"]) {
	describe(`kubectl kustomize ${dir}`, { skip }, () => {
		const manifests = skip ? [] : render(dir);
		const deployment = () => only(manifests, "Deployment");
		const pod = () => deployment()["spec"]["template"];
		const container = () => {
			const containers = pod()["spec"]["containers"] as Manifest[];
			assert.equal(containers.length, 1);
			return containers[0]!;
		};
		const env = () => new Map((container()["env"] as Manifest[]).map((e) => [e["name"] as string, e["value"] as string]));
		const port = (name: string | number) =>
			typeof name === "number" ? name : (container()["ports"] as Manifest[]).find((p) => p["name"] === name)?.["containerPort"];

		test("two replicas, rolled one at a time without dropping below two", () => {
			assert.equal(deployment()["spec"]["replicas"], 2);
			assert.equal(deployment()["spec"]["strategy"]["rollingUpdate"]["maxUnavailable"], 0);
		});

		test("liveness and startup ask /healthz, readiness asks /readyz, on the port Tessera listens on", () => {
			const c = container();
			const listening = Number(env().get("PORT"));
			assert.equal(listening, 3000);
			for (const [probe, path] of [
				["livenessProbe", "/healthz"],
				["startupProbe", "/healthz"],
				["readinessProbe", "/readyz"],
			] as const) {
				assert.equal(c[probe]?.["httpGet"]?.["path"], path, probe);
				assert.equal(port(c[probe]["httpGet"]["port"]), listening, `${probe} port`);
			}
		});

		test("runs as the image's non-root user, on a read-only root, with no privilege to gain", () => {
			const podSecurity = pod()["spec"]["securityContext"];
			const c = container()["securityContext"];
			assert.equal(podSecurity["runAsNonRoot"], true);
			assert.equal(String(podSecurity["runAsUser"]), imageUser);
			assert.equal(podSecurity["seccompProfile"]["type"], "RuntimeDefault");
			assert.equal(c["runAsNonRoot"], true);
			assert.equal(c["readOnlyRootFilesystem"], true);
			assert.equal(c["allowPrivilegeEscalation"], false);
			assert.deepEqual(c["capabilities"]["drop"], ["ALL"]);
			assert.equal(pod()["spec"]["automountServiceAccountToken"], false);
			assert.equal(pod()["spec"]["enableServiceLinks"], false, "no TESSERA_* variables injected by the Service");
		});

		test("every place Tessera writes is a volume of its own: the data directory and /tmp", () => {
			const mounts = new Map((container()["volumeMounts"] as Manifest[]).map((m) => [m["mountPath"] as string, m["name"] as string]));
			const volumes = new Map((pod()["spec"]["volumes"] as Manifest[]).map((v) => [v["name"] as string, v]));
			for (const path of [env().get("TESSERA_DATA_DIR"), "/tmp"]) {
				assert.ok(path);
				const volume = volumes.get(mounts.get(path) ?? "");
				assert.ok(volume?.["emptyDir"], `${path} is an emptyDir`);
			}
		});

		test("requests memory and CPU and limits memory, leaving room above the peak with the hashes it runs at once", () => {
			const { requests, limits } = container()["resources"];
			assert.ok(requests["cpu"] && requests["memory"] && limits["memory"]);
			const mi = (q: string) => Number(/^(\d+)Mi$/.exec(q)?.[1]);
			assert.ok(mi(limits["memory"]) >= 192, `limit ${limits["memory"]}`);
			assert.ok(mi(requests["memory"]) >= 128 && mi(requests["memory"]) <= mi(limits["memory"]));
			// About 120 MB at rest, 15 more of heap under load, 19 MiB per hash in flight.
			const hashing = Number(env().get("UV_THREADPOOL_SIZE"));
			assert.ok(hashing >= 1 && 115 + 15 + hashing * 19 < mi(limits["memory"]), `${hashing} hashes at once fit under ${limits["memory"]}`);
		});

		test("the disruption budget and the Service select exactly the Deployment's pods", () => {
			const labels = pod()["metadata"]["labels"];
			const pdb = only(manifests, "PodDisruptionBudget");
			assert.deepEqual(pdb["spec"]["selector"]["matchLabels"], deployment()["spec"]["selector"]["matchLabels"]);
			assert.ok(includes(labels, pdb["spec"]["selector"]["matchLabels"]));
			assert.ok(pdb["spec"]["minAvailable"] >= 1 && pdb["spec"]["minAvailable"] < deployment()["spec"]["replicas"]);
			const service = only(manifests, "Service");
			assert.ok(includes(labels, service["spec"]["selector"]));
			assert.equal(port(service["spec"]["ports"][0]["targetPort"]), 3000);
		});

		test("every secret is a *_FILE variable naming a file in a mounted Secret; none is a value", () => {
			const secretMounts = (container()["volumeMounts"] as Manifest[]).filter((m) =>
				(pod()["spec"]["volumes"] as Manifest[]).some((v) => v["name"] === m["name"] && v["secret"]),
			);
			assert.ok(secretMounts.length > 0);
			for (const m of secretMounts) assert.equal(m["readOnly"], true);
			const settings = only(manifests, "ConfigMap")["data"] as Record<string, string>;
			const variables = new Map([...Object.entries(settings), ...env()]);
			for (const e of container()["env"] as Manifest[]) assert.equal(e["valueFrom"]?.["secretKeyRef"], undefined, e["name"]);
			for (const name of secretVariables) {
				assert.ok(!variables.has(name), `${name} is not set as a value`);
				const file = variables.get(`${name}_FILE`);
				if (file === undefined) continue;
				assert.ok(
					secretMounts.some((m) => file.startsWith(`${m["mountPath"]}/`)),
					`${name}_FILE=${file} is inside a mounted Secret`,
				);
			}
			for (const required of ["DATABASE_URL", "TESSERA_SECRET", "REDIS_URL", "TESSERA_METRICS_TOKEN"]) {
				assert.ok(env().has(`${required}_FILE`), `${required}_FILE`);
			}
			assert.equal(manifests.filter((m) => m["kind"] === "Secret").length, 0, "no Secret is committed");
			for (const value of variables.values()) assert.doesNotMatch(String(value), /:\/\/[^/\s]*:[^/\s]*@/, "no credentials in a URL");
		});
	});
}

describe("kubectl kustomize deploy/kubernetes/overlays/production: email and SMS", { skip }, () => {
	test("adds the SMTP URL and SMS token as files from the same Secret", () => {
		const manifests = skip ? [] : render("deploy/kubernetes/overlays/production");
		const deployment = only(manifests, "Deployment");
		const env = new Map((deployment["spec"]["template"]["spec"]["containers"][0]["env"] as Manifest[]).map((e) => [e["name"], e["value"]]));
		assert.equal(env.get("TESSERA_SMTP_URL_FILE"), "/run/secrets/tessera/smtp-url");
		assert.equal(env.get("TESSERA_SMS_TOKEN_FILE"), "/run/secrets/tessera/sms-token");
		assert.ok(manifests.every((m) => m["kind"] === "Namespace" || m["metadata"]["namespace"] === "tessera"));
		assert.match(deployment["spec"]["template"]["spec"]["containers"][0]["image"], /^registry\.example\.com\/tessera:/);
	});
});
