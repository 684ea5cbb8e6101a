package dev.storefn.accounts;

/** An account as stored. {@code passwordHash} is empty for accounts that sign in with Google only. */
record User(long id, String email, String firstName, String lastName, String picture, boolean staff,
        boolean active, boolean blocked, String passwordHash) {

    UserView view() {
        return new UserView(id, email, firstName, lastName, picture, staff);
    }
}
