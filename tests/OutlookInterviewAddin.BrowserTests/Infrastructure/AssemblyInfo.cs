// Browser tests start hosts and Chromium processes; on a two-core machine they are steadier one
// class at a time than racing each other.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
