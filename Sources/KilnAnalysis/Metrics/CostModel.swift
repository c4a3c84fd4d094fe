import Foundation
import KilnDiagnostics
import KilnIR
import KilnSpec

/// Capex, opex and TCO (docs/models.md). Prices come from the catalog (with their estimate flags)
/// and the specs; nothing here is a constant of its own except the calendar.
public struct CostModel: Sendable {
  /// Hours in an average month: 8,760 h / 12.
  public static let hoursPerMonth = 730.0
  public static let secondsPerMonth = hoursPerMonth * 3_600

  public struct Capex: Sendable {
    public var servers = 0.0
    public var switches = 0.0
    public var transceivers = 0.0
    public var storage = 0.0
    public var total: Double { servers + switches + transceivers + storage }
    /// Catalog entries whose price is an estimate and that contributed.
    public var estimatedItems: Set<String> = []
  }

  public var capex = Capex()
  /// `financing.rate`, when capex is financed.
  public var financingRate: Double?
  /// Owned sites' facilities: what they cost to build, and that cost per month over each facility's own
  /// lifetime (an annuity with `financing.rate`).
  public var facilityCapex = 0.0
  public var facilityPerMonth = 0.0
  /// $ per month by site.
  public var monthlyOpexBySite: [String: Double] = [:]
  public var monthlyStorageOpex = 0.0
  /// Capex by the site it is bought for: servers (and their optics) at their cluster's site, a fabric's
  /// switches and optics at the fabric's site, storage at its own. The values add up to `capex.total`.
  public var capexBySite: [String: Double] = [:]
  /// Each Storage's `monthlyPrice` per month, by name; the values add up to `monthlyStorageOpex`.
  public var monthlyOpexByStorage: [String: Double] = [:]
  /// Each owned site's facility per month (section 5.1); the values add up to `facilityPerMonth`.
  public var facilityPerMonthBySite: [String: Double] = [:]
  /// Catalog servers and switches whose power is an estimate and that the power totals rest on.
  public var estimatedPowerItems: Set<String> = []

  public var monthlyOpex: Double { monthlyOpexBySite.values.reduce(0, +) + monthlyStorageOpex }

  /// The IT load of each site by kind of equipment (the same contributors as the site loads).
  public var itLoads: [String: ITLoad] = [:]

  /// Energy per year (kWh) and its CO₂ (kg; nil when a loaded site has no carbonIntensity).
  public var energyPerYear: (kWh: Double, co2Kg: Double?) = (0, nil)

  /// `siteLoads`: SiteLoad.bySite of the same IR, computed once by the analysis.
  public init(_ ir: IRProject, siteLoads: [String: SiteLoad]) {
    financingRate = ir.project.financingRate?.value
    for cluster in ir.clusters where cluster.site?.ownership.value != .cloud {
      let site = cluster.site?.name ?? ""
      for group in cluster.rackGroups {
        if group.server.estimatedFields.contains(CatalogFieldNames.power) {
          estimatedPowerItems.insert(group.server.name)
        }
        if let price = group.server.price {
          capex.servers += Double(group.servers) * price
          capexBySite[site, default: 0] += Double(group.servers) * price
          if group.server.estimatedFields.contains(CatalogFieldNames.price) {
            capex.estimatedItems.insert(group.server.name)
          }
        }
        // Server-side optics: one module per NIC port that names a transceiver.
        for nic in group.server.nics {
          guard let reference = nic.transceiver, let module = ir.catalog[reference], let price = module.price else {
            continue
          }
          // A twin-port module serves two NIC ports (DGX H100: 8 ports through 4 OSFP modules).
          let modules = (nic.count + module.ports - 1) / max(1, module.ports)
          capex.transceivers += Double(group.servers * modules) * price
          capexBySite[site, default: 0] += Double(group.servers * modules) * price
          if module.estimatedFields.contains(CatalogFieldNames.price) { capex.estimatedItems.insert(module.name) }
        }
      }
    }
    let drawingFabrics = Set(siteLoads.values.flatMap { $0.contributors.filter { $0.kind == .network }.map(\.name) })
    for fabric in ir.fabrics {
      // An unattached fabric has no site, but no switches either.
      let site = fabric.site ?? ""
      for (model, count) in fabric.switchesByModel {
        if drawingFabrics.contains(fabric.id), model.estimatedFields.contains(CatalogFieldNames.power) {
          estimatedPowerItems.insert(model.name)
        }
        if let price = model.price {
          capex.switches += Double(count) * price
          capexBySite[site, default: 0] += Double(count) * price
          if model.estimatedFields.contains(CatalogFieldNames.price) { capex.estimatedItems.insert(model.name) }
        }
      }
      if let module = fabric.transceiver, let price = module.price {
        capex.transceivers += Double(fabric.transceiverModules) * price
        capexBySite[site, default: 0] += Double(fabric.transceiverModules) * price
        if module.estimatedFields.contains(CatalogFieldNames.price) { capex.estimatedItems.insert(module.name) }
      }
    }
    for storage in ir.storage {
      if let price = storage.price {
        capex.storage += price.value
        capexBySite[storage.site.name.value, default: 0] += price.value
      }
      if let monthly = storage.monthlyPrice {
        // $/TB/month × TB, or a flat $/month.
        let perMonth =
          monthly.value.dimension == .storagePrice
          ? monthly.value.value * storage.capacity.value / 1e12 : monthly.value.value
        monthlyStorageOpex += perMonth
        monthlyOpexByStorage[storage.name] = perMonth
      }
    }
    let loads = ITLoad.bySite(siteLoads)
    itLoads = loads
    for site in ir.sites where site.ownership.value == .owned {
      // Critical IT power: the facility power the site was built for, less its cooling overhead.
      let criticalMW = (site.powerCapacity?.value ?? 0) / max(1, site.pue.value) / 1e6
      let cost = criticalMW * site.facilityCostPerMW.value
      facilityCapex += cost
      let perMonth = Self.annuity(cost, rate: financingRate, months: site.facilityLifetime.value / Self.secondsPerMonth)
      facilityPerMonth += perMonth
      facilityPerMonthBySite[site.name] = perMonth
    }
    energyPerYear = Self.energyPerYear(ir, loads: loads)
    for site in ir.sites {
      switch site.ownership.value {
      case .cloud:
        let gpus = ir.gpus(atSite: site.name)
        monthlyOpexBySite[site.name] = Double(gpus) * Self.hoursPerMonth * (site.gpuHourPrice?.value ?? 0)
      case .colocation:
        // The contracted power is billed whether it is drawn or not; energy only where the contract
        // passes it through.
        let contractKW = (site.powerCapacity?.value ?? 0) / 1_000
        let drawnKW = (loads[site.name]?.average ?? 0) / 1_000
        let energy = site.colocationEnergyPrice.map {
          drawnKW * site.pue.value * Self.hoursPerMonth * $0.value
        }
        monthlyOpexBySite[site.name] = contractKW * (site.colocationPrice?.value ?? 0) + (energy ?? 0)
      case .owned:
        let kW = (loads[site.name]?.average ?? 0) / 1_000
        monthlyOpexBySite[site.name] = kW * site.pue.value * Self.hoursPerMonth * (site.energyPrice?.value ?? 0)
      }
    }
  }

  /// Total cost of ownership over the project's lifetime: capex + monthly opex × months.
  /// Effective cost of an owned (or colocated) GPU-hour: capex depreciated over the lifetime plus
  /// the opex of owned and colocation sites, over the GPU-hours actually used at `utilization`.
  /// `nil` without owned GPUs.
  public func ownedGPUHourPrice(_ ir: IRProject) -> Double? {
    let ownedGPUs = ir.clusters.filter { $0.site?.ownership.value != .cloud }.reduce(0) { $0 + $1.gpus }
    let utilization = ir.project.utilization.value
    guard ownedGPUs > 0, utilization > 0 else { return nil }
    let ownedOpex =
      ir.sites.filter { $0.ownership.value != .cloud }.reduce(0) { $0 + (monthlyOpexBySite[$1.name] ?? 0) }
      + monthlyStorageOpex
    let months = ir.project.lifetime.value / Self.secondsPerMonth
    let hourly = (capitalPerMonth(months: months) + facilityPerMonth + ownedOpex) / Self.hoursPerMonth
    return hourly / (Double(ownedGPUs) * utilization)
  }

  /// What a site costs a month, over the GPU-hours its GPUs are used (at `utilization`): the annuity of the
  /// capex bought for it over the project's lifetime, its facility, its opex and the monthly price of the
  /// Storage there. The same formula for every ownership, so owned, colocated and rented hours compare (a
  /// cloud site's is its `gpuHourPrice` ÷ utilization, as every hour is paid). nil without GPUs.
  public func gpuHourPrice(of site: SiteSpec, _ ir: IRProject) -> Double? {
    let gpus = ir.gpus(atSite: site.name)
    let utilization = ir.project.utilization.value
    guard gpus > 0, utilization > 0 else { return nil }
    return monthlyCost(of: site, ir) / Self.hoursPerMonth / (Double(gpus) * utilization)
  }

  func monthlyCost(of site: SiteSpec, _ ir: IRProject) -> Double {
    let months = ir.project.lifetime.value / Self.secondsPerMonth
    let storage = ir.storage.filter { $0.site.name.value == site.name }.reduce(0.0) {
      $0 + (monthlyOpexByStorage[$1.name] ?? 0)
    }
    return Self.annuity(capexBySite[site.name] ?? 0, rate: financingRate, months: months)
      + (facilityPerMonthBySite[site.name] ?? 0) + (monthlyOpexBySite[site.name] ?? 0) + storage
  }

  /// The GPU-hour price of all sites of one ownership together: their monthly costs over their used
  /// GPU-hours; nil without GPUs at such sites.
  public func gpuHourPrice(of ownership: SiteSpec.Ownership, _ ir: IRProject) -> Double? {
    let sites = ir.sites.filter { $0.ownership.value == ownership }
    let names = Set(sites.map(\.name))
    let gpus = ir.clusters.filter { $0.site.map { names.contains($0.name) } ?? false }.reduce(0) { $0 + $1.gpus }
    let utilization = ir.project.utilization.value
    guard gpus > 0, utilization > 0 else { return nil }
    let cost = sites.reduce(0.0) { $0 + monthlyCost(of: $1, ir) }
    return cost / Self.hoursPerMonth / (Double(gpus) * utilization)
  }

  /// Energy per year, kWh: the average IT draw × PUE × 8,760 h, for owned and colocation sites.
  static func energyPerYear(_ ir: IRProject, loads: [String: ITLoad]) -> (kWh: Double, co2Kg: Double?) {
    var kWh = 0.0
    var co2 = 0.0
    var co2Known = true
    for site in ir.sites where site.ownership.value != .cloud {
      let siteKWh = (loads[site.name]?.average ?? 0) / 1_000 * site.pue.value * 8_760
      kWh += siteKWh
      if let intensity = site.carbonIntensity?.value {
        co2 += siteKWh * intensity
      } else if siteKWh > 0 {
        co2Known = false
      }
    }
    return (kWh, co2Known ? co2 : nil)
  }

  public func tco(lifetimeSeconds: Double) -> Double {
    let months = lifetimeSeconds / Self.secondsPerMonth
    return (capitalPerMonth(months: months) + facilityPerMonth + monthlyOpex) * months
  }

  /// Capex per month over `months`: spread evenly, or with `financing.rate` the annuity that repays it with
  /// interest, capex × i / (1 − (1 + i)^−months) at the monthly rate i = rate ÷ 12.
  public func capitalPerMonth(months: Double) -> Double {
    Self.annuity(capex.total, rate: financingRate, months: months)
  }

  /// `amount` per month over `months`: spread evenly, or repaid with interest at `rate` a year.
  static func annuity(_ amount: Double, rate: Double?, months: Double) -> Double {
    guard months > 0 else { return amount }
    guard let rate, rate > 0 else { return amount / months }
    let monthly = rate / 12
    return amount * monthly / -Foundation.expm1(-months * Foundation.log1p(monthly))
  }

  /// The interest the financing adds over `lifetimeSeconds`; nil when capex is not financed.
  public func interest(lifetimeSeconds: Double) -> Double? {
    guard financingRate != nil else { return nil }
    let months = lifetimeSeconds / Self.secondsPerMonth
    return capitalPerMonth(months: months) * months - capex.total
  }

  /// The part of the facilities' cost a project's `lifetimeSeconds` uses: the facility per month × months.
  public func facilityShare(lifetimeSeconds: Double) -> Double {
    facilityPerMonth * lifetimeSeconds / Self.secondsPerMonth
  }
}

/// The IT load of a site at maximum power: GPU servers, storage, fabric switches; and the average draw
/// of the same equipment at its load factors.
public struct ITLoad: Sendable {
  public var servers = 0.0
  public var storage = 0.0
  public var network = 0.0
  public var total: Double { servers + storage + network }
  public var average = 0.0

  public init() {}

  /// The load of every site, from the same contributors the site-power check lists.
  public static func bySite(_ loads: [String: SiteLoad]) -> [String: ITLoad] {
    loads.mapValues { load in
      var totals = ITLoad()
      for contributor in load.contributors {
        totals.average += contributor.averageWatts
        switch contributor.kind {
        case .servers: totals.servers += contributor.watts
        case .storage: totals.storage += contributor.watts
        case .network: totals.network += contributor.watts
        }
      }
      return totals
    }
  }
}

/// What draws power at a site, at maximum: GPU servers (not rented cloud ones), storage, and fabric
/// switches (a fabric belongs to the site of what attaches to it: a fabric spans one site, K3007).
public struct SiteLoad: Sendable {
  public enum Kind: Sendable { case servers, storage, network }

  public struct Contributor: Sendable {
    public var name: String
    public var kind: Kind
    /// At maximum power (power caps applied), and on average at the load factors (docs/models.md §3.5).
    public var watts: Double
    public var averageWatts: Double
    public var range: SourceRange
  }

  public var contributors: [Contributor] = []
  public var itPower: Double { contributors.reduce(0) { $0 + $1.watts } }

  public init() {}

  /// Every site's contributors, in one pass over the IR.
  public static func bySite(_ ir: IRProject) -> [String: SiteLoad] {
    var loads: [String: SiteLoad] = [:]
    var siteOf: [String: String] = [:]
    let factors = LoadFactors(project: ir.project)
    for index in ir.clusters.indices {
      let cluster = ir.clusters[index]
      guard let site = cluster.site, site.ownership.value != .cloud else { continue }
      siteOf[cluster.id] = site.name
      let average = cluster.rackGroups.reduce(0.0) { total, group in
        total + Double(group.servers) * factors.serverDraw(group, in: cluster).watts
      }
      loads[site.name, default: SiteLoad()].contributors.append(
        Contributor(
          name: cluster.id, kind: .servers, watts: cluster.itPower, averageWatts: average,
          range: cluster.spec.site.name.range))
    }
    for storage in ir.storage {
      siteOf["Storage/\(storage.name)"] = storage.site.name.value
      guard storage.power.value > 0 else { continue }
      loads[storage.site.name.value, default: SiteLoad()].contributors.append(
        Contributor(
          name: "Storage/\(storage.name)", kind: .storage, watts: storage.power.value,
          averageWatts: storage.power.value * factors.storage, range: storage.power.range))
    }
    for index in ir.fabrics.indices {
      // Tiers whose model has no power draw nothing here.
      guard let watts = ir.fabrics[index].switchPower,
        let site = ir.fabrics[index].attached.lazy.compactMap({ siteOf[$0] }).first
      else { continue }
      loads[site, default: SiteLoad()].contributors.append(
        Contributor(
          name: ir.fabrics[index].id, kind: .network, watts: watts, averageWatts: watts * factors.network,
          range: ir.fabrics[index].spec.switchModel.name.range))
    }
    return loads
  }
}
