using System.Text;

namespace Stack.Dsl.Generation.Swarm;

/// <summary>
/// swarm/deploy.sh: <c>docker stack deploy</c> never reads <c>.env</c>, so the script reads it the
/// way docker compose does (KEY=VALUE lines, comments, optional quotes; a variable already set in
/// the shell wins) and deploys the environment's file. POSIX sh, no eval of values.
/// </summary>
internal static class DeployScript
{
    public const string FileName = "deploy.sh";

    public static string Render(string stackName, IReadOnlyList<string> environments, IReadOnlyList<string> header, IReadOnlyList<FileHashes> hashes)
    {
        var text = new StringBuilder("#!/bin/sh\n");
        foreach (var line in header)
        {
            text.Append("# ").Append(line).Append('\n');
        }

        var usage = environments.Count == 0 ? "[ENV_FILE]" : $"{{{string.Join('|', environments)}}} [ENV_FILE]";
        text.Append($$"""
            # Deploys the stack '{{stackName}}' to the swarm this Docker CLI talks to (a manager).
            # docker stack deploy does not read .env: this reads ENV_FILE (default ../.env) as docker
            # compose does, without overriding what the shell already exports, then deploys.
            # Usage: ./deploy.sh {{usage}}
            set -eu
            cd "$(dirname "$0")"
            usage() { echo "usage: ./deploy.sh {{usage}}" >&2; exit 2; }

            """);
        if (environments.Count == 0)
        {
            text.Append($"file={SwarmFiles.StackFileName(null)}\n");
        }
        else
        {
            text.Append("[ $# -ge 1 ] || usage\n")
                .Append($"case $1 in\n  {string.Join('|', environments)}) file=stack.$1.yml; shift ;;\n  *) usage ;;\nesac\n");
        }

        text.Append($$"""
            [ $# -le 1 ] || usage
            env_file=${1:-../.env}
            # A quoted value as compose reads it: up to its closing quote (\" inside double quotes is
            # a quote), then only blanks or a comment; anything else after it reads as unquoted.
            unquote() {
              q=${value%"${value#?}"}; rest=${value#?}; inner=
              while :; do
                case $rest in *"$q"*) ;; *) value=${value%% \#*}; return ;; esac
                part=${rest%%"$q"*}; rest=${rest#*"$q"}
                case $q$part in \"*\\) inner=$inner${part%?}$q; continue ;; esac
                inner=$inner$part; break
              done
              case ${rest#"${rest%%[![:blank:]]*}"} in '' | '#'*) value=$inner ;; *) value=${value%% \#*} ;; esac
            }
            if [ -f "$env_file" ]; then
              cr=$(printf '\r')
              while IFS= read -r line || [ -n "$line" ]; do
                line=${line%"$cr"}
                case $line in '' | '#'*) continue ;; esac
                line=${line#export }
                key=${line%%=*}
                value=${line#*=}
                case $key in
                  '' | [0-9]* | *[!A-Za-z0-9_]*) echo "$env_file: not a KEY=VALUE line: $line" >&2; exit 1 ;;
                esac
                [ "$key" != "$line" ] || { echo "$env_file: not a KEY=VALUE line: $line" >&2; exit 1; }
                case $value in
                  \"* | \'*) unquote ;;
                  *) value=${value%% \#*} ;;
                esac
                # The key is a checked name, so this reads only whether it is set.
                eval "present=\${$key+set}"
                [ -n "$present" ] || export "$key=$value"
              done <"$env_file"
            elif [ $# -eq 1 ]; then
              echo "$env_file: no such file (usage: ./deploy.sh {{usage}})" >&2; exit 1
            else
              echo "no ../.env: only the variables this shell exports reach the stack (usage: ./deploy.sh {{usage}})" >&2
            fi
            {{Hashes(hashes)}}exec docker stack deploy --prune -c "$file" {{stackName}}

            """);
        return text.ToString();
    }

    /// <summary>
    /// The lines that set each host file's hash (<see cref="HostFileHash"/>) for the file being
    /// deployed, after .env is read (a path may use its variables); nothing when there are none.
    /// </summary>
    private static string Hashes(IReadOnlyList<FileHashes> hashes)
    {
        var any = false;
        foreach (var file in hashes)
        {
            any |= file.Hashes.Count > 0;
        }

        if (!any)
        {
            return string.Empty;
        }

        var text = new StringBuilder($$"""
            # Secrets and configs made from files on this host: each name ends with the file's hash
            # (the first {{ContentName.HashLength}} hex digits of its SHA-256), so a changed file deploys as a new
            # object (Swarm cannot change one in place).
            hash_of() {
              [ -r "$2" ] || { echo "$2: cannot read it; its hash ($1) names a secret or config in $file" >&2; exit 1; }
              if command -v sha256sum >/dev/null 2>&1; then sum=$(sha256sum <"$2"); else sum=$(shasum -a 256 <"$2"); fi
              export "$1=$(printf '%.{{ContentName.HashLength}}s' "$sum")"
            }
            case $file in

            """);
        foreach (var file in hashes)
        {
            if (file.Hashes.Count == 0)
            {
                continue;
            }

            text.Append("  ").Append(file.File).Append(")\n");
            foreach (var variable in file.Hashes.Keys.Order(StringComparer.Ordinal))
            {
                text.Append("    hash_of ").Append(variable).Append(' ').Append(file.Hashes[variable]).Append('\n');
            }

            text.Append("    ;;\n");
        }

        return text.Append("esac\n").ToString();
    }
}

/// <summary>The hashes deploy.sh sets before deploying one Swarm file (its name in swarm/): variable to the file's sh word.</summary>
internal sealed record FileHashes(string File, IReadOnlyDictionary<string, string> Hashes);
