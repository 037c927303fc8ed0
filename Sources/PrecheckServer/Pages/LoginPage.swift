/// `/login`: the token (and the reviewer's name) for the review page.
struct LoginPage {
    var next: String
    var reviewer: String
    var failed: Bool

    var html: HTML {
        let content: HTML = """
        <section class="card">
          <h2>Sign in · 登录</h2>
          \(failed ? PageLayout.notice("That token is not the one this server was started with.", error: true) : .empty)
          <form method="post" action="/login">
            <input type="hidden" name="next" value="\(next)">
            <label class="field">Token (as given to the server by PRECHECK_TOKEN or --token-file)
              <input type="password" name="token" autocomplete="current-password" required></label>
            <label class="field">Your name, for the audit trail · 审核人
              <input type="text" name="reviewer" value="\(reviewer)" maxlength="100"></label>
            <button class="primary" type="submit">Sign in</button>
          </form>
        </section>
        """
        return PageLayout.page(title: "Sign in", signOut: false, content: content)
    }
}
