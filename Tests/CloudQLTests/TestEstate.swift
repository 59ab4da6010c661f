import AzureEmulator
import Foundation

/// A small estate whose every session the tests know, with a page size small enough that every
/// listing spans several pages.
enum TestEstate {
    static let subscription = "00000000-0000-0000-0000-0000000000a1"
    static let otherSubscription = "00000000-0000-0000-0000-0000000000b2"

    static let json = #"""
    {
      "tenantId": "72f988bf-86f1-41af-91ab-2d7cd011db47",
      "subscriptions": [
        { "subscriptionId": "00000000-0000-0000-0000-0000000000a1", "displayName": "Test Production",
          "resourceGroups": [
            { "name": "rg-east", "location": "eastus",
              "hostPools": [
                { "name": "hp-ops", "location": "eastus",
                  "properties": { "hostPoolType": "Pooled", "loadBalancerType": "BreadthFirst", "preferredAppGroupType": "Desktop" },
                  "sessionHosts": [
                    { "name": "ops-0.contoso.com", "userSessions": [
                        { "id": "1", "userPrincipalName": "ann@contoso.com", "sessionState": "Active", "applicationType": "Desktop", "activeDirectoryUserName": "CONTOSO\\ann", "createTime": "2026-11-20T08:01:54.9571247Z" },
                        { "id": "2", "userPrincipalName": "bob@contoso.com", "sessionState": "Disconnected", "applicationType": "RemoteApp", "activeDirectoryUserName": "CONTOSO\\bob", "createTime": "2026-11-20T09:01:54.1234567Z" },
                        { "id": "3", "userPrincipalName": "cy@contoso.com", "sessionState": "Pending", "applicationType": "Desktop", "activeDirectoryUserName": "CONTOSO\\cy", "createTime": "2026-11-21T10:00:00.0000001Z" } ] },
                    { "name": "ops-1.contoso.com", "userSessions": [
                        { "id": "1", "userPrincipalName": "dee@contoso.com", "sessionState": "Disconnected", "applicationType": "Desktop", "activeDirectoryUserName": "CONTOSO\\dee", "createTime": "2026-11-22T07:30:00.5000000Z" },
                        { "id": "4", "userPrincipalName": "eve@contoso.com", "sessionState": "Active", "applicationType": "RemoteApp", "activeDirectoryUserName": "CONTOSO\\eve", "createTime": "2026-11-22T07:45:00.2500000Z" } ] } ] },
                { "name": "pool with spaces", "location": "eastus",
                  "properties": { "hostPoolType": "Personal", "loadBalancerType": "Persistent", "preferredAppGroupType": "Desktop" },
                  "sessionHosts": [
                    { "name": "vm-7.contoso.com", "userSessions": [
                        { "id": "9", "userPrincipalName": "fay@contoso.com", "sessionState": "UserProfileDiskMounted", "applicationType": "Desktop", "activeDirectoryUserName": "CONTOSO\\fay", "createTime": "2026-11-23T12:00:00.0000000Z" } ] } ] } ] },
            { "name": "rg-west", "location": "westus",
              "hostPools": [
                { "name": "hp-dev", "location": "westus",
                  "properties": { "hostPoolType": "Pooled", "loadBalancerType": "DepthFirst", "preferredAppGroupType": "RailApplications" },
                  "sessionHosts": [
                    { "name": "dev-0.contoso.com", "userSessions": [
                        { "id": "1", "userPrincipalName": "gus@contoso.com", "sessionState": "LogOff", "applicationType": "RemoteApp", "activeDirectoryUserName": "CONTOSO\\gus", "createTime": "2026-11-24T06:00:00.0000000Z" },
                        { "id": "2", "userPrincipalName": "hal@contoso.com", "sessionState": "Unknown", "applicationType": "Desktop", "activeDirectoryUserName": "CONTOSO\\hal", "createTime": "2026-11-24T06:10:00.0000000Z" } ] } ] } ] } ] },
        { "subscriptionId": "00000000-0000-0000-0000-0000000000b2", "displayName": "Test Development",
          "resourceGroups": [
            { "name": "rg-lab", "location": "northeurope",
              "hostPools": [
                { "name": "hp-lab", "location": "northeurope",
                  "properties": { "hostPoolType": "Pooled", "loadBalancerType": "BreadthFirst", "preferredAppGroupType": "Desktop" },
                  "sessionHosts": [
                    { "name": "lab-0.contoso.com", "userSessions": [
                        { "id": "5", "userPrincipalName": "ivy@contoso.com", "sessionState": "Active", "applicationType": "Desktop", "activeDirectoryUserName": "CONTOSO\\ivy", "createTime": "2026-11-24T11:00:00.0000000Z" } ] } ] } ] } ] }
      ]
    }
    """#

    static func scenario() throws -> Scenario {
        try JSONDecoder().decode(Scenario.self, from: Data(json.utf8))
    }

    /// Two sessions a page: every listing above spans pages.
    static func configuration(faults: [Fault] = [], idStyle: String? = nil) throws -> EmulatorConfiguration {
        var text = json
        if let idStyle { text = text.replacingOccurrences(of: "\"tenantId\"", with: "\"idStyle\": \"\(idStyle)\", \"tenantId\"") }
        let scenario = try JSONDecoder().decode(Scenario.self, from: Data(text.utf8))
        return EmulatorConfiguration(scenario: scenario, defaultPageSize: 2, faults: faults)
    }
}
