using Xunit;
using YamlDotNet.RepresentationModel;

namespace TicketGrains.Tests.Deploy;

/// <summary>The deploy files parse and say what operators rely on: Kubernetes manifests and Dockerfiles (the shell scripts: <see cref="LocalScriptTests"/>).</summary>
public sealed class DeployManifestTests
{
    /// <summary>The repository root, for the deploy tests' files (the shell scripts' tests too).</summary>
    internal static readonly string Root = FindRepositoryRoot();

    private static readonly string[] KubernetesFiles =
        ["api.yaml", "autoscaling.yaml", "kustomization.yaml", "migrate-job.yaml", "namespace.yaml", "postgres.yaml", "rbac.yaml", "secret.example.yaml", "silo.yaml"];

    private static readonly HashSet<string> DockerfileKeywords =
    [
        "ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM", "HEALTHCHECK", "LABEL", "MAINTAINER",
        "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR",
    ];

    public static TheoryData<string> KubernetesManifests => [.. KubernetesFiles];

    public static TheoryData<string> Dockerfiles => ["Dockerfile.api", "Dockerfile.silo"];

    [Fact]
    public void Kubernetes_folder_holds_exactly_the_known_manifests()
    {
        var found = Directory.GetFiles(Path.Combine(Root, "deploy", "k8s"), "*.yaml").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal);

        Assert.Equal(KubernetesFiles, found);
    }

    [Theory]
    [MemberData(nameof(KubernetesManifests))]
    public void Every_kubernetes_document_has_api_version_kind_and_name(string file)
    {
        var documents = LoadYaml(Path.Combine("deploy", "k8s", file));

        Assert.NotEmpty(documents);
        foreach (var document in documents)
        {
            Assert.Matches("^([a-z0-9.-]+/)?v[0-9]+([a-z]+[0-9]+)?$", Scalar(document, "apiVersion"));
            Assert.Matches("^[A-Z][A-Za-z]+$", Scalar(document, "kind"));
            Assert.Matches("^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$", Scalar(document, "metadata", "name"));
        }
    }

    [Fact]
    public void Kustomization_applies_every_other_manifest()
    {
        var kustomization = Assert.Single(LoadYaml(Path.Combine("deploy", "k8s", "kustomization.yaml")));
        var resources = Assert.IsType<YamlSequenceNode>(At(kustomization, "resources")).Select(n => ((YamlScalarNode)n).Value);

        Assert.Equal(KubernetesFiles.Where(f => f != "kustomization.yaml"), resources.Order(StringComparer.Ordinal));
        Assert.Equal("ticketgrains", Scalar(kustomization, "namespace"));
    }

    [Fact]
    public void Silo_deployment_carries_the_orleans_labels_and_pod_identity()
    {
        var silo = Single(Path.Combine("deploy", "k8s", "silo.yaml"), "Deployment", "ticketgrains-silo");
        var labels = At(silo, "spec", "template", "metadata", "labels");
        var pod = At(silo, "spec", "template", "spec");
        var container = Assert.Single(Assert.IsType<YamlSequenceNode>(At(pod, "containers")));

        Assert.Equal("ticketgrains", Scalar(labels, "orleans/serviceId"));
        Assert.Equal("ticketgrains", Scalar(labels, "orleans/clusterId"));
        Assert.Equal("metadata.name", Scalar(Env(container, "POD_NAME"), "valueFrom", "fieldRef", "fieldPath"));
        Assert.Equal("metadata.namespace", Scalar(Env(container, "POD_NAMESPACE"), "valueFrom", "fieldRef", "fieldPath"));
        Assert.Equal("status.podIP", Scalar(Env(container, "POD_IP"), "valueFrom", "fieldRef", "fieldPath"));
        Assert.Equal("metadata.labels['orleans/serviceId']", Scalar(Env(container, "ORLEANS_SERVICE_ID"), "valueFrom", "fieldRef", "fieldPath"));
        Assert.Equal("metadata.labels['orleans/clusterId']", Scalar(Env(container, "ORLEANS_CLUSTER_ID"), "valueFrom", "fieldRef", "fieldPath"));
        Assert.Equal("false", Scalar(Env(container, "Silo__HostApi"), "value"));
        Assert.Equal("ticketgrains-db", Scalar(Env(container, "ConnectionStrings__TicketGrains"), "valueFrom", "secretKeyRef", "name"));
        Assert.Equal(Scalar(Single(Path.Combine("deploy", "k8s", "rbac.yaml"), "ServiceAccount", "ticketgrains-silo"), "metadata", "name"),
            Scalar(pod, "serviceAccountName"));
    }

    [Theory]
    [InlineData("silo.yaml", "ticketgrains-silo")]
    [InlineData("api.yaml", "ticketgrains-api")]
    public void Orleans_traffic_requires_the_cluster_certificate_from_its_secret(string file, string deployment)
    {
        var pod = At(Single(Path.Combine("deploy", "k8s", file), "Deployment", deployment), "spec", "template", "spec");
        var container = Assert.IsType<YamlSequenceNode>(At(pod, "containers")).First();
        var mount = Assert.Single(Assert.IsType<YamlSequenceNode>(At(container, "volumeMounts")), m => Scalar(m, "name") == "cluster-tls");
        var volume = Assert.Single(Assert.IsType<YamlSequenceNode>(At(pod, "volumes")), v => Scalar(v, "name") == "cluster-tls");
        var folder = Scalar(mount, "mountPath");

        Assert.Equal("ticketgrains-cluster-tls", Scalar(volume, "secret", "secretName"));
        Assert.Equal("true", Scalar(mount, "readOnly"));
        Assert.Equal($"{folder}/tls.crt", Scalar(Env(container, "ClusterTls__CertificatePath"), "value"));
        Assert.Equal($"{folder}/tls.key", Scalar(Env(container, "ClusterTls__KeyPath"), "value"));
        Assert.Equal("true", Scalar(Env(container, "ClusterTls__Required"), "value"));
    }

    [Theory]
    [InlineData("silo.yaml", "ticketgrains-silo")]
    [InlineData("api.yaml", "ticketgrains-api")]
    public void Liveness_never_asks_the_database_readiness_does_and_metrics_are_scraped(string file, string deployment)
    {
        var template = At(Single(Path.Combine("deploy", "k8s", file), "Deployment", deployment), "spec", "template");
        var container = Assert.IsType<YamlSequenceNode>(At(template, "spec", "containers")).First();
        var http = Assert.Single(Assert.IsType<YamlSequenceNode>(At(container, "ports")), p => Scalar(p, "name") == "http");

        Assert.Equal(
            ("/livez", "/livez", "/readyz", "http", "http", "http"),
            (Scalar(container, "startupProbe", "httpGet", "path"), Scalar(container, "livenessProbe", "httpGet", "path"),
                Scalar(container, "readinessProbe", "httpGet", "path"), Scalar(container, "startupProbe", "httpGet", "port"),
                Scalar(container, "livenessProbe", "httpGet", "port"), Scalar(container, "readinessProbe", "httpGet", "port")));
        Assert.Equal(
            ("true", Scalar(http, "containerPort"), "/metrics"),
            (Scalar(template, "metadata", "annotations", "prometheus.io/scrape"), Scalar(template, "metadata", "annotations", "prometheus.io/port"),
                Scalar(template, "metadata", "annotations", "prometheus.io/path")));
        Assert.Equal("true", Scalar(Env(container, "Logging__Json"), "value"));
    }

    [Theory]
    [InlineData("ticketgrains-silo", "silo.yaml")]
    [InlineData("ticketgrains-api", "api.yaml")]
    public void Each_deployment_scales_on_cpu_from_two_replicas_and_loses_at_most_one_pod_to_a_disruption(string deployment, string file)
    {
        var target = Single(Path.Combine("deploy", "k8s", file), "Deployment", deployment);
        var autoscaler = Single(Path.Combine("deploy", "k8s", "autoscaling.yaml"), "HorizontalPodAutoscaler", deployment);
        var metric = Assert.Single(Assert.IsType<YamlSequenceNode>(At(autoscaler, "spec", "metrics")));
        var budget = LoadYaml(Path.Combine("deploy", "k8s", file)).Concat(LoadYaml(Path.Combine("deploy", "k8s", "autoscaling.yaml")))
            .Single(d => Scalar(d, "kind") == "PodDisruptionBudget" && Scalar(d, "spec", "selector", "matchLabels", "app.kubernetes.io/name") == deployment);

        Assert.Equal(("autoscaling/v2", "apps/v1", "Deployment", deployment),
            (Scalar(autoscaler, "apiVersion"), Scalar(autoscaler, "spec", "scaleTargetRef", "apiVersion"),
                Scalar(autoscaler, "spec", "scaleTargetRef", "kind"), Scalar(autoscaler, "spec", "scaleTargetRef", "name")));
        Assert.Equal("2", Scalar(autoscaler, "spec", "minReplicas"));
        Assert.True(int.Parse(Scalar(autoscaler, "spec", "maxReplicas")) > 2);
        Assert.Equal(("Resource", "cpu", "Utilization"), (Scalar(metric, "type"), Scalar(metric, "resource", "name"), Scalar(metric, "resource", "target", "type")));
        // Utilization is measured against the request: a container without a CPU request cannot be scaled on it.
        var container = Assert.IsType<YamlSequenceNode>(At(target, "spec", "template", "spec", "containers")).First();
        Assert.NotEmpty(Scalar(container, "resources", "requests", "cpu"));
        Assert.Equal("1", Scalar(budget, "spec", "maxUnavailable"));
        Assert.True(int.Parse(Scalar(autoscaler, "spec", "behavior", "scaleDown", "stabilizationWindowSeconds")) >= 300);
    }

    [Fact]
    public void Pods_drain_within_their_grace_period_and_front_ends_leave_the_endpoints_before_they_stop()
    {
        var silo = At(Single(Path.Combine("deploy", "k8s", "silo.yaml"), "Deployment", "ticketgrains-silo"), "spec", "template", "spec");
        var api = At(Single(Path.Combine("deploy", "k8s", "api.yaml"), "Deployment", "ticketgrains-api"), "spec", "template", "spec");
        var siloContainer = Assert.IsType<YamlSequenceNode>(At(silo, "containers")).First();
        var apiContainer = Assert.IsType<YamlSequenceNode>(At(api, "containers")).First();
        var preStop = Strings(At(apiContainer, "lifecycle", "preStop", "exec", "command"));

        // A silo hands its grains over within the host's shutdown timeout, which must end before Kubernetes kills it.
        Assert.True(int.Parse(Scalar(Env(siloContainer, "DOTNET_SHUTDOWNTIMEOUTSECONDS"), "value")) < int.Parse(Scalar(silo, "terminationGracePeriodSeconds")));
        Assert.Equal("sleep", preStop[0]);
        Assert.True(int.Parse(preStop[1]) + 10 <= int.Parse(Scalar(api, "terminationGracePeriodSeconds")));
    }

    [Fact]
    public void Migrate_job_runs_the_silo_image_as_the_owner_role_and_grants_the_application_role()
    {
        var job = Single(Path.Combine("deploy", "k8s", "migrate-job.yaml"), "Job", "ticketgrains-migrate");
        var pod = At(job, "spec", "template", "spec");
        var container = Assert.Single(Assert.IsType<YamlSequenceNode>(At(pod, "containers")));
        var silo = Assert.IsType<YamlSequenceNode>(At(Single(Path.Combine("deploy", "k8s", "silo.yaml"), "Deployment", "ticketgrains-silo"),
            "spec", "template", "spec", "containers")).First();
        var initScript = Scalar(Single(Path.Combine("deploy", "k8s", "postgres.yaml"), "ConfigMap", "postgres-init"), "data", "10-application-role.sh");

        Assert.Equal(Scalar(silo, "image"), Scalar(container, "image"));
        Assert.Equal(["migrate"], Strings(At(container, "args")));
        Assert.Equal("OnFailure", Scalar(pod, "restartPolicy"));
        Assert.Equal("ticketgrains-db", Scalar(Env(container, "ConnectionStrings__TicketGrainsOwner"), "valueFrom", "secretKeyRef", "name"));
        Assert.Equal("owner-connection-string", Scalar(Env(container, "ConnectionStrings__TicketGrainsOwner"), "valueFrom", "secretKeyRef", "key"));
        Assert.Equal(ConnectionUser("connection-string"), Scalar(Env(container, "Migration__ApplicationRole"), "value"));
        Assert.Contains($"CREATE ROLE {ConnectionUser("connection-string")} LOGIN PASSWORD", initScript, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("silo.yaml", "ticketgrains-silo")]
    [InlineData("api.yaml", "ticketgrains-api")]
    public void Silos_and_front_ends_connect_as_the_application_role_without_the_owners_credentials(string file, string deployment)
    {
        var container = Assert.IsType<YamlSequenceNode>(At(Single(Path.Combine("deploy", "k8s", file), "Deployment", deployment),
            "spec", "template", "spec", "containers")).First();
        var variables = Assert.IsType<YamlSequenceNode>(At(container, "env")).Select(e => Scalar(e, "name"));

        Assert.Equal("connection-string", Scalar(Env(container, "ConnectionStrings__TicketGrains"), "valueFrom", "secretKeyRef", "key"));
        Assert.DoesNotContain("ConnectionStrings__TicketGrainsOwner", variables);
        Assert.Equal("ticketgrains_app", ConnectionUser("connection-string"));
        Assert.Equal("ticketgrains", ConnectionUser("owner-connection-string"));
    }

    [Fact]
    public void Silo_role_lets_kubernetes_hosting_watch_and_delete_pods()
    {
        var role = Single(Path.Combine("deploy", "k8s", "rbac.yaml"), "Role", "ticketgrains-silo-pods");
        var rule = Assert.Single(Assert.IsType<YamlSequenceNode>(At(role, "rules")));

        Assert.Equal(["pods"], Strings(At(rule, "resources")));
        Assert.Equal(["delete", "get", "list", "watch"], Strings(At(rule, "verbs")).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void Dockerfile_uses_known_instructions_from_a_base_image_to_an_entrypoint(string file)
    {
        var instructions = DockerInstructions(Path.Combine(Root, "deploy", "docker", file));
        var keywords = instructions.Select(i => i.Keyword).ToList();

        Assert.All(keywords, k => Assert.Contains(k, DockerfileKeywords));
        Assert.Equal("FROM", keywords[0]);
        Assert.Contains(keywords, k => k is "ENTRYPOINT" or "CMD");
        Assert.Equal("mcr.microsoft.com/dotnet/sdk:10.0 AS build", instructions[0].Arguments);
        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime", instructions.Last(i => i.Keyword == "FROM").Arguments);
        Assert.Equal("$APP_UID", instructions.Last(i => i.Keyword == "USER").Arguments);
        // The grains assembly embeds deploy/sql, so an image built without it has no schema to migrate.
        Assert.Contains(instructions, i => i is { Keyword: "COPY", Arguments: "deploy/sql/ deploy/sql/" });
    }

    private static List<YamlNode> LoadYaml(string relativePath)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Root, relativePath));
        stream.Load(reader);
        return stream.Documents.Select(d => d.RootNode).ToList();
    }

    private static YamlNode Single(string relativePath, string kind, string name) =>
        Assert.Single(LoadYaml(relativePath), d => Scalar(d, "kind") == kind && Scalar(d, "metadata", "name") == name);

    private static YamlNode At(YamlNode node, params string[] path)
    {
        foreach (var key in path)
        {
            var mapping = Assert.IsType<YamlMappingNode>(node);
            Assert.True(mapping.Children.TryGetValue(new YamlScalarNode(key), out var child), $"no '{key}' in the YAML at line {mapping.Start.Line}");
            node = child;
        }

        return node;
    }

    private static string Scalar(YamlNode node, params string[] path) => Assert.IsType<YamlScalarNode>(At(node, path)).Value ?? "";

    private static List<string> Strings(YamlNode sequence) =>
        Assert.IsType<YamlSequenceNode>(sequence).Select(n => Assert.IsType<YamlScalarNode>(n).Value ?? "").ToList();

    /// <summary>The Username of a connection string in the example secret.</summary>
    private static string ConnectionUser(string key)
    {
        var connection = Scalar(Single(Path.Combine("deploy", "k8s", "secret.example.yaml"), "Secret", "ticketgrains-db"), "stringData", key);
        return Assert.Single(connection.Split(';'), p => p.StartsWith("Username=", StringComparison.Ordinal))["Username=".Length..];
    }

    private static YamlNode Env(YamlNode container, string name) =>
        Assert.Single(Assert.IsType<YamlSequenceNode>(At(container, "env")), e => Scalar(e, "name") == name);

    /// <summary>Instructions with continuation lines joined; comments and blank lines dropped (also inside continuations).</summary>
    private static List<(string Keyword, string Arguments)> DockerInstructions(string path)
    {
        var instructions = new List<(string, string)>();
        var pending = "";
        foreach (var line in File.ReadAllLines(path).Select(l => l.Trim()))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            pending = pending.Length == 0 ? line : $"{pending} {line}";
            if (pending.EndsWith('\\'))
            {
                pending = pending[..^1].TrimEnd();
                continue;
            }

            var parts = pending.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            instructions.Add((parts[0].ToUpperInvariant(), parts.Length > 1 ? parts[1] : ""));
            pending = "";
        }

        Assert.Equal("", pending);
        return instructions;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TicketGrains.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No TicketGrains.sln above {AppContext.BaseDirectory}.");
    }
}
