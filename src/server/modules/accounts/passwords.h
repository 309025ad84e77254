// Password hashing with argon2id (libsodium crypto_pwhash_str). Each hash or check takes about
// 50 ms with the production cost, so it runs on the worker pool (where handlers run), never on an
// I/O thread.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace cdscb::server::accounts {

struct PasswordCost {
  unsigned long long opslimit;
  std::size_t memlimit;  // bytes
};

// 2 passes over 48 MiB: about 50 ms per hash on the 2-core development machine (measured there:
// 1 pass/32 MiB 21 ms, 2/32 MiB 32 ms, 2/48 MiB 50 ms, 2/64 MiB 69 ms). Memory is what makes
// guessing on graphics cards expensive, so the cost is spent there rather than on passes.
inline constexpr PasswordCost kProductionPasswordCost{2, 48u << 20};
// libsodium's minimum, for tests that hash many passwords.
inline constexpr PasswordCost kMinimalPasswordCost{1, 8192};

class PasswordHasher {
 public:
  // Hashes one throwaway password, so verify_nothing() has a real hash to spend its time on.
  explicit PasswordHasher(PasswordCost cost = kProductionPasswordCost);

  // "$argon2id$v=19$m=…,t=…,p=1$salt$hash" with a fresh random salt. Throws std::runtime_error
  // when the memory cannot be had.
  std::string hash(std::string_view password) const;

  // Whether `password` matches `stored` (whatever cost `stored` was made with).
  bool verify(const std::string& stored, std::string_view password) const;

  // Takes as long as verify() and returns false: for a number without an account, so timing does
  // not tell whether the account exists.
  bool verify_nothing(std::string_view password) const;

  // Whether `stored` was made with another cost than the current one (rehash on next login).
  bool needs_rehash(const std::string& stored) const;

 private:
  PasswordCost cost_;
  std::string dummy_hash_;
};

}  // namespace cdscb::server::accounts
