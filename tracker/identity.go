package tracker

import (
	"errors"
	"fmt"
	"net/mail"
	"strings"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/config"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// ErrNoIdentity: no author name and e-mail in --author, the repository's git config or
// the global git config.
var ErrNoIdentity = errors.New("no git identity")

// ParseAuthor parses "Name <email>".
func ParseAuthor(s string) (object.Signature, error) {
	a, err := mail.ParseAddress(strings.TrimSpace(s))
	if err != nil || a.Name == "" {
		return object.Signature{}, fmt.Errorf("%q is not of the form \"Name <email>\": %w", s, ErrNoIdentity)
	}
	return object.Signature{Name: a.Name, Email: a.Address, When: time.Now()}, nil
}

// identity returns the author to commit as: override if given, else user.name and
// user.email from the repository's config, then the global config.
func identity(r *git.Repository, override string) (object.Signature, error) {
	if override != "" {
		return ParseAuthor(override)
	}
	var name, email string
	scopes := []config.Scope{config.GlobalScope}
	if r != nil {
		if local, err := r.Config(); err == nil {
			name, email = local.User.Name, local.User.Email
		}
	}
	for _, scope := range scopes {
		if name != "" && email != "" {
			break
		}
		cfg, err := config.LoadConfig(scope)
		if err != nil {
			continue
		}
		if name == "" {
			name = cfg.User.Name
		}
		if email == "" {
			email = cfg.User.Email
		}
	}
	if name == "" || email == "" {
		return object.Signature{}, ErrNoIdentity
	}
	return object.Signature{Name: name, Email: email, When: time.Now()}, nil
}
