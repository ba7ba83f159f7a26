using Stack.Dsl.Values;

namespace Stack.Definition.Common;

/// <summary>Every variable the stack reads from the environment (<c>.env</c> on the server, never committed).</summary>
public static class Variables
{
    public static readonly Variable BaseHost = new("BASE_HOST", "Domain every service is published under, e.g. example.com.");
    public static readonly Variable BlogHost = new("BLOG_HOST", "Host name of the blog.");
    public static readonly Variable Timezone = new("TIMEZONE", "Time zone of the containers, e.g. Europe/Berlin.") { Default = "Etc/UTC" };

    public static readonly Variable SmtpSender = new("SMTP_SENDER", "From address of outgoing mail.");
    public static readonly Variable SmtpUser = new("SMTP_USER", "SMTP user name.");
    public static readonly Variable SmtpPass = Variable.Secret("SMTP_PASS", "SMTP password.");

    public static readonly Variable B2Bucket = new("B2_BUCKET", "Backblaze B2 bucket holding the restic repository.");
    public static readonly Variable B2ApplicationKeyId = new("B2_APPLICATION_KEY_ID", "Backblaze B2 application key id.");
    public static readonly Variable B2ApplicationKey = Variable.Secret("B2_APPLICATION_KEY", "Backblaze B2 application key.");
    public static readonly Variable ResticPassword = Variable.Secret("RESTIC_PASSWORD", "Password of the restic repository.");
    public static readonly Variable SlackAlertsEndpoint = Variable.Secret("SLACK_ALERTS_ENDPOINT", "Slack webhook that receives backup failures.");

    public static readonly Variable CloudflareDnsApiToken = Variable.Secret("CF_DNS_API_TOKEN", "Cloudflare token for the ACME DNS challenge.");
    public static readonly Variable CloudflareZoneApiToken = Variable.Secret("CF_ZONE_API_TOKEN", "Cloudflare token to read the zone.");

    public static readonly Variable LldapJwtSecret = Variable.Secret("LLDAP_JWT_SECRET", "Secret lldap signs its tokens with.");
    public static readonly Variable LldapLdapUserPass = Variable.Secret("LLDAP_LDAP_USER_PASS", "Password of lldap's admin user.");

    // The reference wrote these two as literals in the YAML (STK0100).
    public static readonly Variable MysqlRootPassword = Variable.Secret("MYSQL_ROOT_PASSWORD", "Password of MySQL's root user.");
    public static readonly Variable GhostDatabasePassword = Variable.Secret("GHOST_DB_PASSWORD", "Password of the blog's MySQL user (created by Database/init).");

    /// <summary>Every variable above: the stack declares them, and .env.example lists them.</summary>
    public static readonly Variable[] All =
    [
        BaseHost, BlogHost, Timezone, SmtpSender, SmtpUser, SmtpPass, B2Bucket, B2ApplicationKeyId, B2ApplicationKey,
        ResticPassword, SlackAlertsEndpoint, CloudflareDnsApiToken, CloudflareZoneApiToken, LldapJwtSecret, LldapLdapUserPass,
        MysqlRootPassword, GhostDatabasePassword,
    ];
}
