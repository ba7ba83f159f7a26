using Stack.Definition.Common;
using Stack.Definition.Environments;
using Stack.Definition.Services.Adblock;
using Stack.Definition.Services.Backup;
using Stack.Definition.Services.Blog;
using Stack.Definition.Services.Cache;
using Stack.Definition.Services.ChangeDetection;
using Stack.Definition.Services.Database;
using Stack.Definition.Services.Debug;
using Stack.Definition.Services.DockerGc;
using Stack.Definition.Services.DockerManagement;
using Stack.Definition.Services.Monitoring;
using Stack.Definition.Services.Notification;
using Stack.Definition.Services.ReverseProxy;
using Stack.Definition.Services.Sso;
using Stack.Definition.Services.SsoProxy;
using Stack.Definition.Services.StatusPage;
using Stack.Dsl.Compose;

namespace Stack.Definition;

/// <summary>The self-hosted stack of ../shared/reference-stack, one file per service group under Services/.</summary>
public static class ReferenceStack
{
    /// <summary>The compose project name; compose prefixes networks and volumes with it.</summary>
    public const string ProjectName = "stack";

    /// <summary>Builds the whole stack.</summary>
    public static ComposeStack Build() => new ComposeStack(ProjectName).WithVariables(Variables.All).WithTraefik(Traefik.Proxy).WithBackups(Restic.Plan)
        .WithEnvironments(Development.Environment, Staging.Environment, Production.Environment)
        .WithServices(
        AdGuard.AdGuardHome,
        Restic.Backup,
        Restic.Prune,
        Restic.Check,
        Ghost.DevBlog,
        Redis.Service,
        ChangeDetectionIo.Service,
        Mysql.Service,
        Whoami.Service,
        DockerCustodian.Gc,
        Portainer.Service,
        Dozzle.Service,
        Apprise.Service,
        Traefik.Service,
        Authelia.Service,
        Lldap.Service,
        UptimeKuma.Service);
}
