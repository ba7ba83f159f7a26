namespace Stack.Dsl.Backups;

/// <summary>
/// A command the backup runs in a service's container (<c>docker exec CONTAINER COMMAND</c>)
/// before each snapshot, optionally once the service answers on a port.
/// </summary>
/// <param name="Command">
/// The command line, run in the container: plain words (<c>dump</c>, <c>sh -c 'rm -f *.bak'</c>)
/// are passed to <c>docker exec</c> as they are; a line with shell syntax outside single quotes
/// (<c>dump &gt; /dump/all.sql</c>, <c>a; b</c>, <c>$VAR</c>, a glob) runs through the container's
/// <c>sh -c</c>, so that image needs a shell.
/// </param>
public sealed record BackupCommand(string Command)
{
    /// <summary>The command line.</summary>
    public string Command { get; } = string.IsNullOrWhiteSpace(Command) ? throw new ArgumentException("A command is needed.", nameof(Command)) : Command;

    /// <summary>Wait until the service accepts connections on this port first (a database starting up).</summary>
    public int? WaitForPort { get; init; }

    /// <summary>A command.</summary>
    public static implicit operator BackupCommand(string command) => new(command);
}
