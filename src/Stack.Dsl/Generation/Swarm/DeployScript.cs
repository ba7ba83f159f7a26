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

    public static string Render(string stackName, IReadOnlyList<string> environments, IReadOnlyList<string> header)
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
                  \"*\") value=${value#\"}; value=${value%\"} ;;
                  \'*\') value=${value#\'}; value=${value%\'} ;;
                  *) value=${value%% \#*} ;;
                esac
                # The key is a checked name, so this reads only whether it is set.
                eval "present=\${$key+set}"
                [ -n "$present" ] || export "$key=$value"
              done <"$env_file"
            elif [ $# -eq 1 ]; then
              echo "$env_file: no such file" >&2; exit 1
            fi
            exec docker stack deploy --prune -c "$file" {{stackName}}

            """);
        return text.ToString();
    }
}
