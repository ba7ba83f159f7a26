// The engine is one shared machine: fixed container names, one drill at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
