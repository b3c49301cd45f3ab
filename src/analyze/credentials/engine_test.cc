#include "analyze/credentials/engine.h"

#include <cctype>
#include <filesystem>
#include <functional>
#include <fstream>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <sstream>

#include <gtest/gtest.h>
#include <re2/re2.h>

#include "analyze/credentials/keyword_db.h"
#include "analyze/credentials/prefilter.h"
#include "core/text.h"
#include "knowledge/knowledge.h"
#include "builtin_knowledge.h"

namespace keylint {
namespace {

namespace fs = std::filesystem;

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Every file under fixtures/hardcoded except the harness's own.
std::vector<fs::path> FixtureFiles() {
  std::vector<fs::path> out;
  fs::path root = fs::path(KEYLINT_SOURCE_DIR) / "fixtures" / "hardcoded";
  if (!fs::exists(root)) return out;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (!e.is_regular_file()) continue;
    std::string name = e.path().filename().string();
    if (name == "expected.txt" || name == "untracked.txt" || name == "scan-args.txt") continue;
    out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> RuleIds(std::string_view text) {
  std::vector<std::string> out;
  for (const CredentialMatch& m : BuiltinScanner().Scan(text)) out.push_back(m.rule->id);
  return out;
}

const CredentialMatch* Only(const std::vector<CredentialMatch>& ms) {
  return ms.size() == 1 ? &ms[0] : nullptr;
}

TEST(CredentialRules, LoadAndCompile) {
  const auto& rules = BuiltinKnowledge().credentials.rules;
  EXPECT_GE(rules.size(), 80u);
  std::set<std::string> ids;
  for (const CredentialRule& r : rules) {
    EXPECT_TRUE(ids.insert(r.id).second) << "duplicate " << r.id;
    RE2::Options o;
    o.set_log_errors(false);
    RE2 re(r.regex, o);
    EXPECT_TRUE(re.ok()) << r.id << ": " << re.error();
    EXPECT_FALSE(r.keywords.empty()) << r.id;
    for (const std::string& a : r.allow) EXPECT_TRUE(RE2(a, o).ok()) << r.id << " allow " << a;
    if (r.exposure == Exposure::kSecret) {
      EXPECT_NE(BuiltinKnowledge().FindRule("hardcoded/" + r.id), nullptr) << r.id;
    }
  }
  for (const std::string& p : BuiltinKnowledge().credentials.placeholders) {
    RE2::Options o;
    o.set_log_errors(false);
    EXPECT_TRUE(RE2(p, o).ok()) << p;
  }
}

// Every rule fires somewhere in the fixtures (public rules in the negatives of their secret
// siblings), and every whole match contains one of the rule's keywords: the prefilter's premise.
TEST(CredentialRules, EveryRuleMatchesAFixtureAndItsKeywordsAreInTheMatch) {
  std::set<std::string> seen;
  std::vector<std::unique_ptr<RE2>> compiled;
  RE2::Options o;
  o.set_log_errors(false);
  for (const CredentialRule& r : BuiltinKnowledge().credentials.rules) {
    compiled.push_back(std::make_unique<RE2>(r.regex, o));
  }
  for (const fs::path& p : FixtureFiles()) {
    std::string text = ReadFile(p);
    for (size_t i = 0; i < compiled.size(); ++i) {
      const CredentialRule& r = BuiltinKnowledge().credentials.rules[i];
      const RE2& re = *compiled[i];
      re2::StringPiece m;
      size_t pos = 0;
      while (pos < text.size() &&
             re.Match(text, pos, text.size(), RE2::UNANCHORED, &m, 1)) {
        std::string lower = ToLower(std::string_view(m.data(), m.size()));
        bool has = false;
        for (const std::string& kw : r.keywords) has |= lower.find(kw) != std::string::npos;
        EXPECT_TRUE(has) << r.id << " matched without a keyword in " << p;
        if (!r.after_name_regex.empty()) {
          // A name-and-value rule's keyword is in the name (the prefilter's name windows).
          size_t name_end = 0;
          while (name_end < lower.size() &&
                 (std::isalnum(static_cast<unsigned char>(lower[name_end])) ||
                  std::string_view("_.-").find(lower[name_end]) != std::string_view::npos)) {
            ++name_end;
          }
          bool in_name = false;
          for (const std::string& kw : r.keywords) {
            in_name |= lower.substr(0, name_end).find(kw) != std::string::npos;
          }
          EXPECT_TRUE(in_name) << r.id << " matched without a keyword in its name in " << p;
        }
        pos = (m.data() - text.data()) + std::max<size_t>(m.size(), 1);
      }
    }
    for (const CredentialMatch& m : BuiltinScanner().Scan(text)) seen.insert(m.rule->id);
  }
  for (const CredentialRule& r : BuiltinKnowledge().credentials.rules) {
    EXPECT_TRUE(seen.count(r.id)) << r.id << " matches no fixture";
  }
}

// "rule-id@begin-end" for each match: windowed and whole-text scans must agree to the byte.
std::vector<std::string> Spans(const std::vector<CredentialMatch>& ms) {
  std::vector<std::string> out;
  for (const CredentialMatch& m : ms) {
    out.push_back(m.rule->id + "@" + std::to_string(m.begin) + "-" + std::to_string(m.end));
  }
  return out;
}

// The fast path (one keyword pass, candidate rules only, keyword windows) finds exactly what the
// slow path (every rule over the whole text) finds, to the byte, in every fixture file.
TEST(CredentialScanner, PrefilterNeverDropsAFinding) {
  size_t files = 0, matches = 0;
  for (const fs::path& p : FixtureFiles()) {
    std::string text = ReadFile(p);
    auto with = BuiltinScanner().Scan(text);
    auto without = BuiltinScanner().ScanWithoutPrefilter(text);
    EXPECT_EQ(Spans(with), Spans(without)) << p;
    ++files;
    matches += with.size();
  }
  EXPECT_GT(files, 200u);
  EXPECT_GT(matches, 100u);
}

// The keyword windows rest on the extent read from each pattern: no fixture match is longer than
// it, nor holds a newline where it says none can.
TEST(CredentialRules, ExtentBoundsEveryFixtureMatch) {
  RE2::Options o;
  o.set_log_errors(false);
  size_t windowable = 0;
  std::vector<std::unique_ptr<RE2>> compiled;
  std::vector<MatchExtent> extents;
  for (const CredentialRule& r : BuiltinKnowledge().credentials.rules) {
    compiled.push_back(std::make_unique<RE2>(r.regex, o));
    extents.push_back(AnalyzeExtent(r.regex));
    EXPECT_TRUE(extents.back().known) << r.id;
    windowable += Windowable(extents.back());
  }
  EXPECT_GE(windowable, 90u);
  for (const fs::path& p : FixtureFiles()) {
    std::string text = ReadFile(p);
    for (size_t i = 0; i < compiled.size(); ++i) {
      re2::StringPiece m;
      size_t pos = 0;
      while (pos < text.size() &&
             compiled[i]->Match(text, pos, text.size(), RE2::UNANCHORED, &m, 1)) {
        const CredentialRule& r = BuiltinKnowledge().credentials.rules[i];
        EXPECT_LE(m.size(), extents[i].max_len) << r.id << " in " << p;
        if (!extents[i].newline) {
          EXPECT_EQ(std::string_view(m.data(), m.size()).find('\n'), std::string_view::npos)
              << r.id << " in " << p;
        }
        pos = (m.data() - text.data()) + std::max<size_t>(m.size(), 1);
      }
    }
  }
}

// The Vectorscan database compiled at build time loads here, and finds exactly the occurrences
// the byte loop finds: in every fixture, in keyword noise of mixed case, at a text's edges and
// with a user's extra keywords (found by the byte loop beside the database).
TEST(KeywordLocator, BuildTimeAutomatonFindsWhatTheByteLoopFinds) {
  std::vector<std::string> keywords = LocatableKeywords(BuiltinKnowledge().credentials.rules);
  const EmbeddedKeywordDb db = BuiltinKeywordDb();
  std::vector<std::string> with_user = keywords;
  with_user.push_back("zz-user-keyword");
  with_user.push_back("q");
  KeywordLocator automaton(keywords, &db), user(with_user, &db);
  KeywordLocator loop(keywords), user_loop(with_user);
  ASSERT_EQ(automaton.automaton_keywords(), keywords.size());
  ASSERT_EQ(user.automaton_keywords(), keywords.size());
  EXPECT_EQ(loop.automaton_keywords(), 0u);
  std::vector<std::string> texts;
  for (const fs::path& p : FixtureFiles()) texts.push_back(ReadFile(p));
  std::mt19937 rng(5);
  for (int round = 0; round < 300; ++round) {
    std::string text;
    for (int i = rng() % 40; i > 0; --i) {
      std::string k = with_user[rng() % with_user.size()];
      for (char& c : k) {
        if (rng() % 2) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      }
      text += k.substr(rng() % 2);  // sometimes cut: a keyword's tail is no keyword
      text += " =\n\t\xC5"[rng() % 5];
    }
    texts.push_back(text);
  }
  size_t found = 0;
  for (const std::string& text : texts) {
    std::vector<std::vector<size_t>> a, b, c, d;
    automaton.Locate(text, &a);
    loop.Locate(text, &b);
    ASSERT_EQ(a, b) << text.substr(0, 200);
    user.Locate(text, &c);
    user_loop.Locate(text, &d);
    ASSERT_EQ(c, d) << text.substr(0, 200);
    for (const auto& h : a) found += h.size();
  }
  EXPECT_GT(found, 5000u);
  // A database compiled for other keywords is not used.
  std::vector<std::string> other(keywords.begin() + 1, keywords.end());
  EXPECT_EQ(KeywordLocator(other, &db).automaton_keywords(), 0u);
}

// Large synthetic texts: fixture secrets and generated provider shapes among keyword noise, at the
// text's start and end, glued to one another, on CRLF lines, in long lines and in sparse filler
// (where the windows are small and many). Scan() runs windowed rules over keyword windows;
// ScanWithoutPrefilter() runs every rule over the whole text. Same rule, begin and end.
TEST(CredentialScanner, KeywordWindowsFindExactlyWhatWholeTextScansFind) {
  std::vector<std::string> fixtures;
  for (const fs::path& p : FixtureFiles()) {
    if (p.string().find("/positive/") != std::string::npos) fixtures.push_back(ReadFile(p));
  }
  ASSERT_GT(fixtures.size(), 50u);
  std::vector<std::string> keywords;
  for (const CredentialRule& r : BuiltinKnowledge().credentials.rules) {
    for (const std::string& k : r.keywords) keywords.push_back(k);
  }
  std::mt19937 rng(20240611);
  auto pick = [&](const std::string& alphabet, size_t n) {
    std::string s(n, ' ');
    for (char& c : s) c = alphabet[rng() % alphabet.size()];
    return s;
  };
  const std::string hex = "0123456789abcdef";
  const std::string alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  // Shapes of windowed rules with common keywords.
  std::vector<std::function<std::string()>> shapes = {
      [&] { return "AC" + pick(hex, 32); },
      [&] { return "SK" + pick(hex, 32); },
      [&] { return "pub" + pick(hex, 32); },
      [&] { return "re_" + pick(alnum, 8) + "_" + pick(alnum, 24); },
      [&] { return pick(hex, 32) + "-us" + std::to_string(rng() % 20); },
      [&] { return "key-" + pick(hex, 32); },
      [&] { return "sk_live_" + pick(alnum, 24 + rng() % 60); },
      [&] { return "ghp_" + pick(alnum, 36); },
      [&] { return "npm_" + pick(alnum, 36); },
      [&] { return "sl." + pick(alnum + "_-", 130 + rng() % 200); },
      [&] { return "eyJ" + pick(alnum, 20) + ".eyJ" + pick(alnum, 30) + "." + pick(alnum, 20); },
      [&] { return std::to_string(100000000 + rng() % 800000000) + ":AA" + pick(alnum, 33); },
      [&] { return "AKIA" + pick("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16); },
      // Case-folding (generic and named) rules, windowed too unless the text holds a character
      // that folds to an ASCII letter: U+017F (long s) and U+212A (Kelvin sign) spell keywords.
      [&] { return "Session_Secret_Key = \"" + pick(alnum, 16 + rng() % 40) + "\""; },
      [&] { return "\xC5\xBF" "ecret_key: '" + pick(alnum, 20) + "'"; },
      [&] { return "api_\xE2\x84\xAA" "ey=" + pick(alnum, 24); },
      [&] { return "TOKEN: " + pick(alnum + "+/", 20 + rng() % 30); },
      [&] { return "PASSWORD=" + pick(alnum, 12); },
  };
  const std::vector<std::string> glue = {"", "", " ", "\n", "\r\n", "=", "\"", ": ", "'", "\n\n",
                                         "_", "-", "."};
  size_t total = 0;
  for (int round = 0; round < 120; ++round) {
    std::string text;
    const int chunks = 5 + static_cast<int>(rng() % 60);
    const bool sparse = round % 3 == 0;
    for (int c = 0; c < chunks; ++c) {
      text += glue[rng() % glue.size()];
      switch (rng() % (sparse ? 8 : 5)) {
        case 0: text += fixtures[rng() % fixtures.size()]; break;
        case 1: text += shapes[rng() % shapes.size()](); break;
        case 2: {  // keyword noise, any case
          std::string k = keywords[rng() % keywords.size()];
          for (char& ch : k) {
            if (rng() % 2) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
          }
          text += k + pick(hex + "_-.", rng() % 40);
          break;
        }
        case 3: text += pick(alnum + "  _-.=:\"", 1 + rng() % 400); break;  // a long line
        default:  // filler lines without keywords
          for (int l = static_cast<int>(rng() % 200); l > 0; --l) text += "x = 1234567 + y;\n";
      }
    }
    auto windowed = BuiltinScanner().Scan(text);
    auto whole = BuiltinScanner().ScanWithoutPrefilter(text);
    ASSERT_EQ(Spans(windowed), Spans(whole)) << "round " << round;
    total += whole.size();
  }
  EXPECT_GT(total, 500u);
}

TEST(CredentialScanner, UserRulesScanTheWholeTextWhateverTheirKeywords) {
  // A user's keyword need not lie inside the match (nothing checked it): far from the keyword,
  // past any window, the match must still be found.
  Result<Knowledge> k = LoadKnowledge(
      "[[credential]]\nid = \"widget-key\"\nprovider = \"widget\"\ndescription = \"Widget key\"\n"
      "regex = 'wk_(?P<secret>[a-z0-9]{24})'\nkeywords = [\"widget\"]\n",
      ".keylint.toml");
  ASSERT_TRUE(k.ok()) << k.error().ToString();
  CredentialScanner scanner(k.value());
  std::string text = "# widget settings\n" + std::string(5000, '\n') + "key = wk_" +
                     "q7x2m9k4v8p1z6r3t5w0y2b4" + "\n";
  std::vector<CredentialMatch> found = scanner.Scan(text);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].rule->id, "widget-key");
}

TEST(CredentialScanner, FindsProviderKeysWithStage) {
  auto ms = BuiltinScanner().Scan("STRIPE_KEY = \"sk_live_51Hq8Zr2eZvKYlo2C9sd7Kf3mQpLx0aTbW4\"\n");
  ASSERT_NE(Only(ms), nullptr);
  EXPECT_EQ(ms[0].rule->id, "stripe-secret-key");
  EXPECT_EQ(ms[0].stage, Stage::kProd);
  EXPECT_EQ(ms[0].exposure, Exposure::kSecret);
  EXPECT_EQ(ms[0].begin, 14u);

  ms = BuiltinScanner().Scan("k: sk_test_51Hq8Zr2eZvKYlo2C9sd7Kf3mQpLx0aTbW4");
  ASSERT_NE(Only(ms), nullptr);
  EXPECT_EQ(ms[0].stage, Stage::kTest);

  ms = BuiltinScanner().Scan("token: dp.st.prd.Jq2mZ8rT5vN1xW4kB7cY0pL3sD6fG9hA2eR5tU8iO1");
  ASSERT_NE(Only(ms), nullptr);
  EXPECT_EQ(ms[0].rule->id, "doppler-service-token");
  EXPECT_EQ(ms[0].stage, Stage::kProd);
  ms = BuiltinScanner().Scan("token: dp.st.dev.Jq2mZ8rT5vN1xW4kB7cY0pL3sD6fG9hA2eR5tU8iO1");
  ASSERT_NE(Only(ms), nullptr);
  EXPECT_EQ(ms[0].stage, Stage::kDev);

  ms = BuiltinScanner().Scan("BT=access_token$sandbox$k2m9q4r7t1v5x8z3$4f9c2a7e1b8d3f6a0c5e9b2d7f4a1c8e");
  ASSERT_NE(Only(ms), nullptr);
  EXPECT_EQ(ms[0].stage, Stage::kTest);
}

TEST(CredentialScanner, PublicKeysAreMatchedAsPublic) {
  auto ms = BuiltinScanner().Scan("pk = 'pk_live_51Hq8Zr2eZvKYlo2C9sd7Kf3mQpLx0aTbW4'\nphc = 'phc_Jq2mZ8rT5vN1xW4kB7cY0pL3sD6fG9hA2eR5tU8iO1z'\n");
  ASSERT_EQ(ms.size(), 2u);
  EXPECT_EQ(ms[0].rule->id, "stripe-publishable-key");
  EXPECT_EQ(ms[0].exposure, Exposure::kPublic);
  EXPECT_EQ(ms[1].rule->id, "posthog-project-key");
  EXPECT_EQ(ms[1].exposure, Exposure::kPublic);
}

TEST(CredentialScanner, DropsPlaceholdersExamplesAndLowEntropy) {
  EXPECT_TRUE(RuleIds("AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE").empty());
  EXPECT_TRUE(RuleIds("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY").empty());
  EXPECT_TRUE(RuleIds("stripe: sk_test_4eC39HqLyjWDarjtT1zdp7dc").empty());
  EXPECT_TRUE(RuleIds("STRIPE_SECRET_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxx").empty());
  EXPECT_TRUE(RuleIds("GITHUB_TOKEN=ghp_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa").empty());
  EXPECT_TRUE(RuleIds("GITHUB_TOKEN=ghp_ab12ab12ab12ab12ab12ab12ab12ab12ab12").empty());
  EXPECT_TRUE(RuleIds("NANGO_SECRET_KEY=xxxx-xxx-xxxx").empty());
  EXPECT_TRUE(RuleIds("NANGO_SECRET_KEY=00000000-0000-0000-0000-000000000000").empty());
  EXPECT_TRUE(RuleIds("api_key: \"${WEATHER_API_KEY}\"").empty());
  EXPECT_TRUE(RuleIds("apiKey: process.env.WEATHER_API_KEY,").empty());
  EXPECT_TRUE(RuleIds("password = \"<your-password-here>\"").empty());
  EXPECT_TRUE(RuleIds("token = {{ .Values.token }}").empty());
  EXPECT_TRUE(RuleIds("password: hashedPassword").empty());
  EXPECT_TRUE(RuleIds("tokenizer = AutoTokenizer.from_pretrained(name)").empty());
  EXPECT_TRUE(RuleIds("TURNSTILE_SECRET_KEY=1x0000000000000000000000000000000AA").empty());
  EXPECT_TRUE(RuleIds("DATABASE_URL=postgres://postgres:postgres@localhost:5432/app").empty());
  EXPECT_TRUE(BuiltinScanner().IsPlaceholder("your-api-key"));
  EXPECT_TRUE(BuiltinScanner().IsPlaceholder("AKIAIOSFODNN7EXAMPLE"));
  EXPECT_TRUE(BuiltinScanner().IsPlaceholder("$STRIPE_KEY"));
  EXPECT_FALSE(BuiltinScanner().IsPlaceholder("sk_live_51Hq8Zr2eZvKYlo2C9sd7Kf3mQpLx0aTbW4"));
}

TEST(CredentialScanner, TheNameValueGapStaysOnOneLine) {
  // An empty value never takes the next line as its value.
  EXPECT_TRUE(RuleIds("WORKOS_API_KEY=\nWORKOS_CLIENT_ID=client_01HXYZQ8mZ2rT5vN1xW4kB7c\n").empty());
  EXPECT_TRUE(RuleIds("CLICKHOUSE_PASSWORD:\n    volumes:\n").empty());
  EXPECT_TRUE(RuleIds("TWILIO_AUTH_TOKEN=\n9f3c61e0a4d78b2e5c1f0a9d3b7e6c42\n").empty());
  // ...and the next line's own value is still found.
  EXPECT_EQ(RuleIds("API_KEY=\nSERVICE_API_KEY=Jq8mZ2rT5vN1xW4kB7cY0pL3sD6fG9hA\n"),
            std::vector<std::string>{"generic-api-key"});
  // A formatter may wrap a quoted literal onto the next line.
  EXPECT_EQ(RuleIds("const sessionSecret =\n  \"Jq8mZ2rT5vN1xW4kB7cY0pL3sD6fG9hA\";\n"),
            std::vector<std::string>{"generic-secret"});
}

TEST(CredentialScanner, GenericRulesDropSyntaxAndDevDefaults) {
  for (const char* text : {
           "credentials: OAuth2Credentials;",
           "const c: OAuth2ClientCredentials = {",
           "{ posthogProjectApiKey: _posthogProjectApiKey, ...config }",
           "password: envs.NANGO_LOGS_ES_PWD!",
           "invalidCredential: 'auth/invalid-credential'",
           "{ token: \"--color-environmentVariables\" }",
           "GOOGLE_APPLICATION_CREDENTIALS=config/sa-production.json",
           "ENCRYPTION_KEY: ${ENCRYPTION_KEY:-default-encryption-key}",
           "kubectl create secret generic x --from-file=PRIVATE_KEY=./certs/key.pem",
           "JWT_SECRET=local-dev-jwt-secret-with-at-least-32-bytes",
           "QSTASH_CURRENT_SIGNING_KEY=qstash-current-signing-key",
           "\"reset_password\": \"Réinitialiser le mot de passe\"",
           "csrfToken: \"Vq3xR8mZp2Lk7Tn4Wc9Yb6Hd\"",
           "SMTP_PASSWORD_SECRET=noreply@acme-mail.test",
       }) {
    EXPECT_TRUE(RuleIds(text).empty()) << text;
  }
  EXPECT_EQ(RuleIds("SMTP_PASSWORD = \"Password2024!Summer\""),
            std::vector<std::string>{"generic-password"});
}

TEST(CredentialScanner, WellKnownPublicCredentialsAndLocalHostsAreNotSecrets) {
  // The storage emulator's account key is published; it is known by its SHA-256 only.
  EXPECT_TRUE(RuleIds("AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6"
                      "IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;").empty());
  EXPECT_TRUE(BuiltinScanner().IsPlaceholder("Jhj5dZrVaK7ZwHHjRyZWjbDl"));  // Slack docs' token
  EXPECT_TRUE(RuleIds("postgres://app:Zq8vLk2pWx9s@127.0.0.1:54320/app").empty());
  EXPECT_TRUE(RuleIds("postgresql://app:Zq8vLk2pWx9s@db:5432/app").empty());
  EXPECT_TRUE(RuleIds("postgresql://[user]:[password]@[host]:5432/db").empty());
  EXPECT_EQ(RuleIds("postgres://app:Zq8vLk2pWx9s@db.prod.acme-internal.net:5432/app"),
            std::vector<std::string>{"postgres-url-password"});
}

TEST(CredentialScanner, AllowValuesFromSettings) {
  Knowledge k = BuiltinKnowledge();
  k.settings.allow_values = {"^ghp_Kq8"};
  CredentialScanner s(k);
  EXPECT_TRUE(s.Scan("t = ghp_Kq8mZ2rT5vN1xW4kB7cY0pL3sD6fG9hA2eR5").empty());
  EXPECT_EQ(s.Scan("t = ghp_Jq8mZ2rT5vN1xW4kB7cY0pL3sD6fG9hA2eR5").size(), 1u);
}

TEST(CredentialScanner, SpecificBeatsGenericAndContextBeatsShape) {
  // The generic api-key rule and the GitHub rule match the same bytes: GitHub wins.
  EXPECT_EQ(RuleIds("API_KEY = \"ghp_Jq8mZ2rT5vN1xW4kB7cY0pL3sD6fG9hA2eR5\""),
            std::vector<std::string>{"github-pat"});
  // Clerk's key has Stripe's shape; the CLERK_ name makes the longer, more specific match.
  EXPECT_EQ(RuleIds("CLERK_SECRET_KEY=sk_live_Jq8mZ2rT5vN1xW4kB7cY0pL3sD6fG9hA2eR5tU8"),
            std::vector<std::string>{"clerk-secret-key"});
  // A public key under a secret-looking name stays public.
  auto ms = BuiltinScanner().Scan("STRIPE_SECRET = \"pk_live_51Hq8Zr2eZvKYlo2C9sd7Kf3mQpLx0aTbW4\"");
  ASSERT_NE(Only(ms), nullptr);
  EXPECT_EQ(ms[0].exposure, Exposure::kPublic);
  // Without a provider shape, the generic rule reports.
  EXPECT_EQ(RuleIds("session_secret: \"Jq8mZ2rT5vN1xW4kB7cY0pL3sD6fG9hA\""),
            std::vector<std::string>{"generic-secret"});
}

TEST(CredentialScanner, JwtRoleDecidesExposure) {
  // {"alg":"HS256","typ":"JWT"} . {"iss":"supabase","ref":"qwpzkrtmvbnhcxlsdfgj","role":R}
  const std::string h = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.";
  const std::string sig = ".Jq8mZ2rT5vN1xW4kB7cY0pL3sD6fG9hA2eR5tU8iO1z";
  const std::string service =
      h + "eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InF3cHprcnRtdmJuaGN4bHNkZmdqIiwicm9sZSI6InNlcnZpY2Vfcm9sZSJ9" + sig;
  const std::string anon =
      h + "eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InF3cHprcnRtdmJuaGN4bHNkZmdqIiwicm9sZSI6ImFub24ifQ" + sig;
  const std::string none = h + "eyJzdWIiOiJ1c2VyLTQyIiwibmFtZSI6IkFkYSBMb3ZlbGFjZSJ9" + sig;
  auto ms = BuiltinScanner().Scan("key = '" + service + "'");
  ASSERT_NE(Only(ms), nullptr);
  EXPECT_EQ(ms[0].rule->id, "supabase-service-role-key");
  EXPECT_EQ(ms[0].exposure, Exposure::kSecret);
  ms = BuiltinScanner().Scan("key = '" + anon + "'");
  ASSERT_NE(Only(ms), nullptr);
  EXPECT_EQ(ms[0].exposure, Exposure::kPublic);
  EXPECT_TRUE(BuiltinScanner().Scan("session = '" + none + "'").empty());
}

// A compact JWS with this payload (HS256 header, fixed signature).
std::string MakeJwt(const std::string& payload_json) {
  static const char* kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  auto encode = [](const std::string& in) {
    std::string out;
    uint32_t acc = 0;
    int bits = 0;
    for (unsigned char c : in) {
      acc = (acc << 8) | c;
      bits += 8;
      while (bits >= 6) {
        bits -= 6;
        out.push_back(kAlphabet[(acc >> bits) & 63]);
      }
    }
    if (bits > 0) out.push_back(kAlphabet[(acc << (6 - bits)) & 63]);
    return out;
  };
  return encode(R"({"alg":"HS256","typ":"JWT"})") + "." + encode(payload_json) +
         ".Jq8mZ2rT5vN1xW4kB7cY0pL3sD6fG9hA2eR5tU8iO1z";
}

// An admin or service role is an error wherever it is written; other live JWTs only under a
// secret-sounding name, as a warning; expired, unsigned, anon and demo tokens are no match.
TEST(CredentialScanner, JwtClaimsDecideRuleAndExposure) {
  const std::string admin = MakeJwt(R"({"iss":"https://auth.acme.io","role":"admin","exp":4102444800})");
  const std::string scoped = MakeJwt(R"({"sub":"svc","scope":"read:items admin","iat":1700000000})");
  const std::string reader = MakeJwt(R"({"sub":"svc","roles":["reader"],"exp":4102444800})");
  const std::string expired = MakeJwt(R"({"role":"admin","exp":1000000000})");
  const std::string anon = MakeJwt(R"({"role":"anon","exp":4102444800})");
  const std::string demo = MakeJwt(R"({"iss":"supabase-demo","role":"service_role","exp":4102444800})");
  std::string short_signature = MakeJwt(R"({"sub":"svc","roles":["reader"]})");
  short_signature = short_signature.substr(0, short_signature.rfind('.')) + ".abc123DEF-_456";

  EXPECT_EQ(RuleIds("blob = '" + admin + "'"), std::vector<std::string>{"jwt-privileged-token"});
  EXPECT_EQ(RuleIds("API_TOKEN=" + admin), std::vector<std::string>{"jwt-privileged-token"});
  EXPECT_EQ(RuleIds("blob = '" + scoped + "'"), std::vector<std::string>{"jwt-privileged-token"});
  EXPECT_TRUE(RuleIds("blob = '" + reader + "'").empty());
  EXPECT_EQ(RuleIds("REPORT_TOKEN=" + reader), std::vector<std::string>{"jwt-in-secret-name"});
  EXPECT_EQ(RuleIds("Authorization: Bearer " + reader), std::vector<std::string>{"jwt-in-secret-name"});
  // Not the generic token rule either: a JWT is judged by its claims, never by its shape.
  EXPECT_TRUE(RuleIds("API_TOKEN=" + expired).empty());
  EXPECT_TRUE(RuleIds("API_TOKEN=" + short_signature).empty());
  // jwt.io's example ("sub": "1234567890", "name": "John Doe") is documentation.
  EXPECT_TRUE(RuleIds("Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6"
                      "IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c")
                  .empty());
  auto ms = BuiltinScanner().Scan("SUPABASE_KEY=" + anon);
  ASSERT_NE(Only(ms), nullptr);
  EXPECT_EQ(ms[0].exposure, Exposure::kPublic);
  // `supabase start` signs its keys with a published secret: a local stack's, no credential.
  EXPECT_TRUE(BuiltinScanner().Scan("SERVICE_ROLE_KEY=" + demo).empty());
}

// Authorization: Basic is judged on the decoded password, and the match keeps the encoded bytes.
TEST(CredentialScanner, BasicAuthIsJudgedOnItsPassword) {
  // deploy:Zq8mK2rT5vN1xW4kB7cY / admin:admin / user:${PASSWORD}
  const std::string text = "Authorization: Basic ZGVwbG95OlpxOG1LMnJUNXZOMXhXNGtCN2NZ\n";
  auto ms = BuiltinScanner().Scan(text);
  ASSERT_NE(Only(ms), nullptr);
  EXPECT_EQ(ms[0].rule->id, "authorization-basic");
  EXPECT_EQ(text.substr(ms[0].begin, ms[0].end - ms[0].begin), "ZGVwbG95OlpxOG1LMnJUNXZOMXhXNGtCN2NZ");
  EXPECT_TRUE(RuleIds("Authorization: Basic YWRtaW46YWRtaW4=\n").empty());
  EXPECT_TRUE(RuleIds("Authorization: Basic dXNlcjoke1BBU1NXT1JEfQ==\n").empty());
  EXPECT_TRUE(RuleIds("Authorization: Basic bm90LWEtY3JlZGVudGlhbA==\n").empty());  // no ':'
}

// A provider-named value stays on its name's line: an empty value never takes the next line.
TEST(CredentialScanner, ProviderNamesAndValuesStayOnOneLine) {
  EXPECT_TRUE(RuleIds("ZENDESK_API_TOKEN=\nZENDESK_SUBDOMAIN_ID: Q8mK2rT5vN1xW4kB7cY0pL3sD6fG9hA2eR5tU8iO").empty());
  EXPECT_EQ(RuleIds("ZENDESK_API_TOKEN=Q8mK2rT5vN1xW4kB7cY0pL3sD6fG9hA2eR5tU8iO"),
            std::vector<std::string>{"zendesk-api-token"});
  // os.environ.get("X", "default") and process.env.X || "default" are assignments too.
  EXPECT_EQ(RuleIds("os.environ.get(\"ZENDESK_API_TOKEN\", \"Q8mK2rT5vN1xW4kB7cY0pL3sD6fG9hA2eR5tU8iO\")"),
            std::vector<std::string>{"zendesk-api-token"});
}

// A placeholder stays one when it is written in base64 ("your-mailgun-key-here").
TEST(CredentialScanner, Base64OfAPlaceholderIsAPlaceholder) {
  EXPECT_TRUE(RuleIds("mailgun-api-key: eW91ci1tYWlsZ3VuLWtleS1oZXJl\n").empty());
  EXPECT_FALSE(RuleIds("mailgun-api-key: Zq8mK2rT5vN1xW4kB7cY0pL3\n").empty());
}

TEST(CredentialScanner, MaskedNeverHoldsTheSecret) {
  for (const fs::path& p : FixtureFiles()) {
    const std::string text = ReadFile(p);
    for (const CredentialMatch& m : BuiltinScanner().Scan(text)) {
      const std::string raw = text.substr(m.begin, m.end - m.begin);
      EXPECT_EQ(m.secret.masked().find(raw), std::string::npos) << m.rule->id;
      if (raw.size() >= 16) {
        // No more than a marker prefix and the last four characters.
        EXPECT_LE(m.secret.masked().size(), 16u + 4u + 3u) << m.rule->id;
      }
    }
  }
}

TEST(CredentialScanner, MatchesPointAtTheSecretBytes) {
  std::string text = "x\nDATABASE_URL=postgres://app:Zq8mK2rT5vN1xW4k@db.internal:5432/app\n";
  auto ms = BuiltinScanner().Scan(text);
  ASSERT_NE(Only(ms), nullptr);
  EXPECT_EQ(text.substr(ms[0].begin, ms[0].end - ms[0].begin), "Zq8mK2rT5vN1xW4k");
  EXPECT_EQ(ms[0].rule->id, "postgres-url-password");
}

}  // namespace
}  // namespace keylint
