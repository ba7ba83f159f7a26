namespace Stack.Tool.Import;

/// <summary>Why labels stay labels: thrown while reading them, caught by <see cref="TraefikLabelImporter"/>, which writes it in a TODO.</summary>
internal sealed class NotTyped(string why) : Exception(why);
