// The classes start real silos and measure failover gaps on a small machine; running them one at a
// time keeps those timings about the product, not about the tests competing for two cores.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
