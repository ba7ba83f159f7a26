#:package Stack.Dsl@0.1.0
// Traefik with TLS in front of a protected app (Authelia's forward auth) and a public one, with
// PostgreSQL dumped and backed up by restic. `dotnet run stack.cs` writes generated/ beside it.
using Stack.Dsl.Backups;
using Stack.Dsl.Cli;
using Stack.Dsl.Compose;
using Stack.Dsl.Traefik;
using Stack.Dsl.Values;

return StackCli.Run(args, Build);

static ComposeStack Build()
{
    var baseHost = new Variable("BASE_HOST", "The domain the sites live under, such as example.org.");
    var postgresPassword = Variable.Secret("POSTGRES_PASSWORD", "Password of Authelia's database user.");
    var sessionSecret = Variable.Secret("AUTHELIA_SESSION_SECRET", "Random text, 64 characters: signs Authelia's session cookies.");
    var storageKey = Variable.Secret("AUTHELIA_STORAGE_ENCRYPTION_KEY", "Random text, 64 characters: encrypts Authelia's database.");
    var resetSecret = Variable.Secret("AUTHELIA_RESET_PASSWORD_JWT_SECRET", "Random text, 64 characters: signs password-reset links.");
    var resticPassword = Variable.Secret("RESTIC_PASSWORD", "The restic repository's password.");
    var resticRepository = new Variable("RESTIC_REPOSITORY", "Where restic keeps snapshots, such as s3:https://s3.example.org/backups.");

    var edge = new Network("edge");
    var backend = new Network("backend");

    // Traefik: HTTP redirects to HTTPS; certificates from Let's Encrypt (TLS-ALPN on 443), kept
    // on a volume so a new container does not ask for them again (STK0407).
    var https = new EntryPoint("https", 443);
    var http = new EntryPoint("http", 80).RedirectingTo(https);
    var letsEncrypt = new CertResolver("letsencrypt") { TlsChallenge = true, Storage = "/letsencrypt/acme.json" };
    var certificates = new Volume("traefik-certificates").WithBackup(VolumeBackup.Files());
    var traefik = new Service("traefik")
        .WithImage("traefik:v3.2.1")
        .WithRestart(RestartPolicy.UnlessStopped)
        .WithNetworks(edge)
        .WithPort(http.Port, http.Port)
        .WithPort(https.Port, https.Port)
        .AcceptRisk(SecurityRisk.PortOnAllInterfaces, "the reverse proxy: 80 and 443 are the stack's front door")
        .WithVolume(certificates, "/letsencrypt")
        .WithBind(HostPath.Absolute("/var/run/docker.sock"), "/var/run/docker.sock", readOnly: true)
        .AcceptRisk(SecurityRisk.DaemonSocket, "the docker provider discovers routers from container labels")
        // Reads /etc/traefik/traefik.yml, where the generator mounts the static config: no command needed.
        .WithHealthcheck(new Healthcheck(HealthcheckTest.Exec("traefik", "healthcheck", "--ping")) { Interval = TimeSpan.FromSeconds(30), Timeout = TimeSpan.FromSeconds(5), Retries = 3 });

    // Authelia's forward auth as its Traefik guide wires it (v4.38+): the authz endpoint, the
    // forwarded headers trusted, and who the user is passed on to the app.
    var authelia = new ForwardAuthMiddleware("authelia", "http://authelia:9091/api/authz/forward-auth")
    {
        TrustForwardHeader = true,
        AuthResponseHeaders = ["Remote-User", "Remote-Groups", "Remote-Email", "Remote-Name"],
    };

    // PostgreSQL for Authelia: the live files are not backed up, a dump taken before each snapshot is.
    var dumps = new Volume("postgres-dump").WithBackup(VolumeBackup.Files());
    var data = new Volume("postgres-data")
        .WithBackup(VolumeBackup.ThroughDump(new BackupCommand("dump") { WaitForPort = 5432 }, restore: "restore", into: dumps));
    var postgres = new Service("postgres")
        .WithImage("postgres:16.6-alpine")
        .WithRestart(RestartPolicy.UnlessStopped)
        .WithNetworks(backend)
        .WithVolume(data, "/var/lib/postgresql/data")
        .WithVolume(dumps, "/mnt/dump")
        .WithBind(HostPath.InProject("config/postgres/dump.sh"), "/usr/local/bin/dump", readOnly: true)
        .WithBind(HostPath.InProject("config/postgres/restore.sh"), "/usr/local/bin/restore", readOnly: true)
        .WithEnvironment("POSTGRES_USER", "authelia")
        .WithEnvironment("POSTGRES_DB", "authelia")
        .WithEnvironment("POSTGRES_PASSWORD", postgresPassword)
        .WithHealthcheck(new Healthcheck(HealthcheckTest.Exec("pg_isready", "--username=authelia", "--dbname=authelia")) { Interval = TimeSpan.FromSeconds(10), Timeout = TimeSpan.FromSeconds(5), Retries = 5 });

    var autheliaService = new Service("authelia")
        .WithImage("authelia/authelia:4.38.17")
        .WithRestart(RestartPolicy.UnlessStopped)
        .WithNetworks(edge, backend)
        .DependsOn(postgres, DependencyCondition.ServiceHealthy)
        .WithBind(HostPath.InProject("config/authelia/configuration.yml"), "/config/configuration.yml", readOnly: true)
        .WithBind(HostPath.InProject("config/authelia/users.yml"), "/config/users.yml", readOnly: true)
        // The configuration reads BASE_HOST through Authelia's template filter.
        .WithEnvironment("X_AUTHELIA_CONFIG_FILTERS", "template")
        .WithEnvironment("BASE_HOST", baseHost)
        .WithEnvironment("AUTHELIA_SESSION_SECRET", sessionSecret)
        .WithEnvironment("AUTHELIA_STORAGE_ENCRYPTION_KEY", storageKey)
        .WithEnvironment("AUTHELIA_STORAGE_POSTGRES_PASSWORD", postgresPassword)
        .WithEnvironment("AUTHELIA_IDENTITY_VALIDATION_RESET_PASSWORD_JWT_SECRET", resetSecret)
        .WithRouter(new Router("authelia").WithHost($"auth.{baseHost}").WithEntryPoints(https).WithTls(letsEncrypt)
            .WithPublicAccess("the login portal itself")
            .WithPort(9091));

    // The protected app: every request needs an Authelia session.
    var whoami = new Service("whoami")
        .WithImage("traefik/whoami:v1.10.3")
        .WithRestart(RestartPolicy.UnlessStopped)
        .WithNetworks(edge)
        .WithRouter(new Router("whoami").WithHost($"private.{baseHost}").WithEntryPoints(https).WithTls(letsEncrypt)
            .WithMiddlewares(authelia)
            .WithPort(80));

    // The public app: a static site anyone may read.
    var site = new Service("site")
        .WithImage("nginx:1.27.3-alpine")
        .WithRestart(RestartPolicy.UnlessStopped)
        .WithNetworks(edge)
        .WithRouter(new Router("site").WithHost($"www.{baseHost}").WithEntryPoints(https).WithTls(letsEncrypt)
            .WithPublicAccess("the public web site")
            .WithPort(80));

    // restic snapshots Docker's volumes (after running each database's dump) every night.
    var backup = new Service("backup")
        .WithImage("mazzolino/restic:1.7.2")
        .WithRestart(RestartPolicy.UnlessStopped)
        .WithNetworks(backend)
        // PRE_COMMANDS waits for the database's port with wait-for, then runs its dump.
        .WithBind(HostPath.InProject("config/backup/wait-for"), "/usr/local/bin/wait-for", readOnly: true)
        // Writable: RESTORE.md restores the volumes through this container.
        .WithBind(HostPath.Absolute("/var/lib/docker/volumes"), "/docker/volumes")
        .WithBind(HostPath.Absolute("/var/run/docker.sock"), "/var/run/docker.sock")
        .AcceptRisk(SecurityRisk.WritableDockerSocket, "runs `docker exec` in the database to dump it before each snapshot")
        .WithEnvironment("RESTIC_REPOSITORY", resticRepository)
        .WithEnvironment("RESTIC_PASSWORD", resticPassword)
        .WithEnvironment("BACKUP_CRON", "0 30 3 * * *")
        .WithEnvironment("RESTIC_BACKUP_SOURCES", "/docker/volumes")
        .WithEnvironment("RESTIC_BACKUP_ARGS", "--tag docker-volumes --exclude-file=/etc/restic/excludes.txt")
        .WithEnvironment("RESTIC_FORGET_ARGS", "--keep-daily 7 --keep-weekly 5 --keep-monthly 12");

    return new ComposeStack("traefik-authelia")
        .WithVariables(baseHost, postgresPassword, sessionSecret, storageKey, resetSecret, resticPassword, resticRepository)
        .WithTraefik(new TraefikProxy(traefik, edge).WithEntryPoints(http, https).WithCertResolvers(letsEncrypt))
        .WithBackups(new BackupPlan(backup))
        .WithServices(traefik, autheliaService, postgres, whoami, site, backup);
}
