#include "modules/accounts/passwords.h"

#include <sodium.h>

#include <stdexcept>

#include "security/crypto.h"

namespace cdscb::server::accounts {

PasswordHasher::PasswordHasher(PasswordCost cost) : cost_(cost) {
  security::init_sodium();
  dummy_hash_ = hash(security::random_token());
}

std::string PasswordHasher::hash(std::string_view password) const {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), cost_.opslimit, cost_.memlimit) !=
      0) {
    throw std::runtime_error("password hashing ran out of memory");
  }
  return std::string(out);
}

bool PasswordHasher::verify(const std::string& stored, std::string_view password) const {
  return crypto_pwhash_str_verify(stored.c_str(), password.data(), password.size()) == 0;
}

bool PasswordHasher::verify_nothing(std::string_view password) const {
  verify(dummy_hash_, password);
  return false;
}

bool PasswordHasher::needs_rehash(const std::string& stored) const {
  return crypto_pwhash_str_needs_rehash(stored.c_str(), cost_.opslimit, cost_.memlimit) != 0;
}

}  // namespace cdscb::server::accounts
