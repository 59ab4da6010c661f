import AzureEmulator
import Testing

@Suite("Authentication and response headers")
struct AuthenticationTests {
    static let poolPath = TestClient.rg("rg-avd-prod-weu") + "/hostPools/hp-finance?" + TestClient.dv

    @Test("a missing Authorization header is 401 AuthenticationFailed with a Bearer challenge")
    func missingHeader() async throws {
        try await withEmulator { client in
            let response = try await client.send(.GET, Self.poolPath, token: .some(nil))
            #expect(response.status == 401)
            #expect(response.errorCode == "AuthenticationFailed")
            #expect(response.errorMessage == "Authentication failed. The 'Authorization' header is missing.")
            let challenge = try #require(response.header("www-authenticate"))
            #expect(challenge.hasPrefix("Bearer authorization_uri=\"https://login.microsoftonline.com/common\", error=\"invalid_token\""))
            #expect(response.header("retry-after") == nil)
        }
    }

    @Test("a wrong token is 401 InvalidAuthenticationToken")
    func wrongToken() async throws {
        try await withEmulator(EmulatorConfiguration(token: "right-token")) { client in
            #expect(client.emulator.token == "right-token")
            let response = try await client.send(.GET, Self.poolPath, token: "wrong-token")
            #expect(response.status == 401)
            #expect(response.errorCode == "InvalidAuthenticationToken")
            #expect(response.errorMessage == "The access token is invalid.")
            #expect(response.header("www-authenticate") != nil)
            let right = try await client.send(.GET, Self.poolPath, token: "right-token")
            #expect(right.status == 200)
        }
    }

    @Test("a non-Bearer scheme is 401 AuthenticationFailed")
    func wrongScheme() async throws {
        try await withEmulator { client in
            let response = try await client.send(
                .GET, Self.poolPath, token: .some(nil), headers: [("Authorization", "Basic dXNlcjpwYXNz")])
            #expect(response.status == 401)
            #expect(response.errorCode == "AuthenticationFailed")
            let lowercase = try await client.send(
                .GET, Self.poolPath, token: .some(nil), headers: [("Authorization", "bearer \(client.emulator.token)")])
            #expect(lowercase.status == 200, "the scheme is case-insensitive")
        }
    }

    @Test("authentication comes before routing: an unknown path without a token is 401")
    func authBeforeRouting() async throws {
        try await withEmulator { client in
            let response = try await client.send(.GET, "/nothing/here", token: .some(nil))
            #expect(response.status == 401)
        }
    }

    @Test("the default token is a random 32-character token, different per configuration")
    func randomToken() {
        let first = EmulatorConfiguration().token
        let second = EmulatorConfiguration().token
        #expect(first.count == 32)
        #expect(first.allSatisfy { $0.isLetter || $0.isNumber })
        #expect(first != second)
    }

    @Test("every response carries x-ms-request-id and x-ms-correlation-request-id")
    func requestIDs() async throws {
        try await withEmulator { client in
            let responses = [
                try await client.send(.GET, Self.poolPath),
                try await client.send(.GET, Self.poolPath, token: .some(nil)),
                try await client.send(.GET, "/subscriptions/nope?" + TestClient.subscriptionsVersion),
                try await client.send(.GET, "/subscriptions"),
                try await client.send(.GET, "/_emulator/health", token: .some(nil)),
                try await client.send(.GET, "/_emulator/nothing", token: .some(nil)),
            ]
            var ids = Set<String>()
            for response in responses {
                let requestID = try #require(response.header("x-ms-request-id"), "\(response.status) \(response.text)")
                #expect(requestID.count == 36)
                #expect(response.header("x-ms-correlation-request-id") != nil)
                ids.insert(requestID)
            }
            #expect(ids.count == responses.count, "request ids are fresh")
            let correlated = try await client.send(
                .GET, Self.poolPath, headers: [("x-ms-correlation-request-id", "my-correlation")])
            #expect(correlated.header("x-ms-correlation-request-id") == "my-correlation")
        }
    }

    @Test("inspection routes need no token")
    func inspectionWithoutToken() async throws {
        try await withEmulator { client in
            let health = try await client.send(.GET, "/_emulator/health", token: .some(nil))
            #expect(health.status == 200)
            let object = try health.object()
            #expect(object["status"] as? String == "ok")
            #expect(object["userSessions"] as? Int == 106)
            #expect(object["hostPools"] as? Int == 6)
            #expect(object["sessionHosts"] as? Int == 20)
        }
    }
}

@Suite("api-version")
struct APIVersionTests {
    @Test("a missing api-version is 400 MissingApiVersionParameter")
    func missing() async throws {
        try await withEmulator { client in
            for path in ["/subscriptions", TestClient.rg("rg-avd-prod-weu") + "/hostPools", TestClient.rg("rg-avd-prod-weu") + "/hostPools?api-version="] {
                let response = try await client.send(.GET, path)
                #expect(response.status == 400)
                #expect(response.errorCode == "MissingApiVersionParameter")
                #expect(response.errorMessage == "The api-version query parameter (?api-version=) is required for all requests.")
            }
        }
    }

    @Test("an unsupported api-version is 400 InvalidApiVersionParameter listing the supported ones")
    func invalid() async throws {
        try await withEmulator { client in
            let dv = try await client.send(.GET, TestClient.rg("rg-avd-prod-weu") + "/hostPools?api-version=2022-12-01")
            #expect(dv.status == 400)
            #expect(dv.errorCode == "InvalidApiVersionParameter")
            #expect(dv.errorMessage == "The api-version '2022-12-01' is invalid. The supported versions are '2024-04-03,2024-04-08-preview'.")
            let subscriptions = try await client.send(.GET, "/subscriptions?api-version=2024-04-03")
            #expect(subscriptions.errorCode == "InvalidApiVersionParameter")
            #expect(subscriptions.errorMessage?.contains("'2022-12-01,2021-01-01,2020-01-01'") == true)
        }
    }

    @Test("the preview version is accepted and the parameter name is case-insensitive")
    func preview() async throws {
        try await withEmulator { client in
            let preview = try await client.send(.GET, TestClient.rg("rg-avd-prod-weu") + "/hostPools?api-version=2024-04-08-preview")
            #expect(preview.status == 200)
            let upper = try await client.send(.GET, TestClient.rg("rg-avd-prod-weu") + "/hostPools?API-Version=2024-04-03")
            #expect(upper.status == 200)
        }
    }
}
